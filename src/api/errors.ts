/** Why a MegaAPI call failed, in the terms the user can act on. */
export type ApiError =
  | { kind: 'unauthorized'; status: number }
  | { kind: 'notFound'; status: number }
  | { kind: 'rateLimited'; retryAfterMs?: number }
  | { kind: 'server'; status: number }
  | { kind: 'api'; status: number; message: string }
  | { kind: 'badPayload'; status: number; reason: BadPayloadReason }
  | { kind: 'redirect'; status: number }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'unreachable'; code: string }
  | { kind: 'tls'; code: string }
  | { kind: 'network'; code: string }
  | { kind: 'invalidKey' }
  | { kind: 'noToken' }
  | { kind: 'insecureHost' }
  | { kind: 'invalidHost' }
  | { kind: 'internal'; detail: string }
  | { kind: 'cancelled' };

export type BadPayloadReason =
  'notJson' | 'tooLarge' | 'shape' | 'empty' | 'notBase64' | 'notImage' | 'notPng' | 'truncated' | 'notQrSized';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function failure(error: ApiError): { ok: false; error: ApiError } {
  return { ok: false, error };
}

/**
 * Errors only the user can fix: a new token, another key or host, a setting.
 * Anything else (a host that is down, slow or glitching, a garbled or flagged
 * reply) is worth retrying on its own, with backoff.
 */
const NEEDS_THE_USER = new Set<ApiError['kind']>([
  'unauthorized',
  'notFound',
  'redirect',
  'tls',
  'invalidKey',
  'noToken',
  'insecureHost',
  'invalidHost',
  'internal',
  'cancelled',
]);

export function isTransient(error: ApiError): boolean {
  return !NEEDS_THE_USER.has(error.kind);
}

const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const TLS = /^(CERT_|ERR_TLS_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_SSL_)/;

/** Maps what node-fetch throws (a FetchError with a system `code`, or an AbortError) to an ApiError. */
export function errorFromThrown(
  thrown: unknown,
  context: { timedOut: boolean; cancelled: boolean; timeoutSeconds: number },
): ApiError {
  if (context.cancelled) return { kind: 'cancelled' };
  if (context.timedOut) return { kind: 'timeout', seconds: context.timeoutSeconds };
  const err = thrown as { code?: unknown; type?: unknown; name?: unknown; cause?: { code?: unknown } };
  if (err?.type === 'max-size') return { kind: 'badPayload', status: 200, reason: 'tooLarge' };
  const raw = [err?.code, err?.cause?.code, err?.name].find((v) => typeof v === 'string' || typeof v === 'number');
  const code = String(raw ?? 'UNKNOWN').slice(0, 40);
  if (UNREACHABLE.has(code)) return { kind: 'unreachable', code };
  if (TLS.test(code)) return { kind: 'tls', code };
  return { kind: 'network', code };
}

/** A fault in the extension itself, kept as a value so no caller sees an exception. */
export function internalError(thrown: unknown): ApiError {
  const detail = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  return { kind: 'internal', detail };
}

/** One line for the log: the kind and its details, never a token. */
export function summarise(error: ApiError): string {
  const { kind, ...details } = error;
  const extra = Object.entries(details)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
  return extra ? `${kind} (${extra})` : kind;
}
