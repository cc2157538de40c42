import { ApiError } from '../api/errors';
import { InstanceStatus } from '../api/responses';

export interface ShownQr {
  dataUri: string;
  fetchedAt: number;
  /** 1 for the first QR of a linking attempt, 2 for the next ... */
  sequence: number;
}

/** What the QR panel should show; the webview renders exactly this. */
export type SessionView =
  | { kind: 'loading' }
  | { kind: 'qr'; qr: ShownQr; nextRefreshAt?: number; expiresAt: number; stale: boolean; error?: ApiError; retryAt?: number }
  | { kind: 'waiting'; retryAt: number; failures: number }
  | { kind: 'checking' }
  | { kind: 'connected'; status?: InstanceStatus }
  | { kind: 'error'; error: ApiError; retryAt?: number; failures: number }
  | { kind: 'expired'; qr?: ShownQr; checking: boolean };
