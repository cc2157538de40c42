import { ApiError } from '../api/errors';
import { InstanceStatus } from '../api/replies';
import { PhoneReason } from '../core/phoneNumber';
import { QrImage } from '../core/qrImage';

/** The QR on screen, with its bytes and type, so Save and Copy need not parse it again. */
export interface ShownQr {
  image: QrImage;
  fetchedAt: number;
}

/** Where a linking attempt stands; the panel shows exactly this. */
export type QrPhase =
  | { kind: 'loading' }
  | {
      kind: 'qr';
      qr: ShownQr;
      nextRefreshAt?: number;
      expiresAt: number;
      stale: boolean;
      error?: ApiError;
      retryAt?: number;
    }
  | { kind: 'waiting'; retryAt: number; failures: number }
  | { kind: 'checking' }
  | { kind: 'connected'; status?: InstanceStatus }
  | { kind: 'error'; error: ApiError; retryAt?: number; failures: number }
  | {
      kind: 'expired';
      qr?: ShownQr;
      checking: boolean;
      /** The QR call kept saying "already logged in" while the status said this. */
      loggedInButStatus?: string;
    };

/** Where linking by phone number stands. */
export type PairingPhase =
  | { kind: 'idle'; phone?: string }
  | { kind: 'loading'; phone: string }
  | { kind: 'code'; phone: string; code: string; expiresAt: number }
  | { kind: 'throttled'; phone: string; until: number; code?: string; expiresAt?: number }
  | { kind: 'invalid'; phone: string; reason: PhoneReason }
  | { kind: 'error'; phone: string; error: ApiError };
