import { ApiError } from '../api/errors';
import { PhoneReason } from '../core/phoneNumber';

/** The pairing-code part of the panel: linking by phone number instead of QR. */
export type PairingView =
  | { kind: 'idle'; phone?: string }
  | { kind: 'loading'; phone: string }
  | { kind: 'code'; phone: string; code: string; expiresAt: number }
  | { kind: 'throttled'; phone: string; until: number; code?: string; expiresAt?: number }
  | { kind: 'invalid'; phone: string; reason: PhoneReason }
  | { kind: 'error'; phone: string; error: ApiError };

/** WhatsApp keeps a pairing code valid for about 160 s. */
export const PAIRING_CODE_LIFETIME_MS = 160_000;
/** WhatsApp throttles code requests; one a minute per instance stays clear of it. */
export const PAIRING_THROTTLE_MS = 60_000;
