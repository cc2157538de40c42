import { NUMBER_SETTINGS } from '../core/settingSpecs';

/**
 * Timings taken from WhatsApp's behaviour: the first QR of a linking attempt
 * lives about 60 s and the next ones about 20 s, and the server ends the
 * attempt after about 6 codes, so polling on past that only hammers the host.
 */
export interface SessionTiming {
  /** A new QR this often while the panel is visible. */
  refreshMs: number;
  /** Never swap a QR sooner than this: a person needs time to aim the phone. */
  minShowMs: number;
  /** Connection status poll while a QR is on screen. */
  pollMs: number;
  /** Stop after this many QRs ... */
  maxQrs: number;
  /** ... or this long without a scan, whichever comes first. */
  maxMs: number;
  /** Keep polling this long after the cap or an "already logged in", since the status can lag a scan. */
  graceMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** The longest a server's `Retry-After` may make the panel wait. */
  retryAfterMaxMs: number;
}

export const DEFAULT_TIMING: SessionTiming = timingFromSettings({
  qrRefreshSeconds: NUMBER_SETTINGS.qrRefreshSeconds.fallback,
  maxQrCodes: NUMBER_SETTINGS.maxQrCodes.fallback,
  maxMinutes: NUMBER_SETTINGS.maxMinutes.fallback,
});

/** WhatsApp keeps a pairing code valid for about 160 s. */
export const PAIRING_CODE_LIFETIME_MS = 160_000;
/** WhatsApp throttles code requests; one a minute per instance stays clear of it. */
export const PAIRING_THROTTLE_MS = 60_000;

/** 2 s, 4 s, 8 s ... capped, so a host that is down is asked less and less often. */
export function backoffMs(failures: number, timing: Pick<SessionTiming, 'backoffBaseMs' | 'backoffMaxMs'>): number {
  const exponent = Math.max(0, Math.min(failures - 1, 20));
  return Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** exponent);
}

/** The settings arrive validated and within bounds (see `settings.ts`). */
export function timingFromSettings(settings: {
  qrRefreshSeconds: number;
  maxQrCodes: number;
  maxMinutes: number;
}): SessionTiming {
  const refreshMs = settings.qrRefreshSeconds * 1000;
  return {
    refreshMs,
    minShowMs: Math.min(10_000, refreshMs),
    pollMs: 4_000,
    maxQrs: settings.maxQrCodes,
    maxMs: settings.maxMinutes * 60_000,
    graceMs: 15_000,
    backoffBaseMs: 2_000,
    backoffMaxMs: 60_000,
    retryAfterMaxMs: 600_000,
  };
}
