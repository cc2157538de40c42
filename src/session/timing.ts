/**
 * Timings taken from WhatsApp's behaviour (see docs in megaapi-api.md): the
 * first QR of a linking attempt lives about 60 s and the next ones about 20 s,
 * and the server ends the attempt after about 6 codes, so polling on past
 * that only hammers the host.
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
}

export const DEFAULT_TIMING: SessionTiming = {
  refreshMs: 20_000,
  minShowMs: 10_000,
  pollMs: 4_000,
  maxQrs: 6,
  maxMs: 180_000,
  graceMs: 15_000,
  backoffBaseMs: 2_000,
  backoffMaxMs: 60_000,
};

/** 2 s, 4 s, 8 s ... capped, so a host that is down is asked less and less often. */
export function backoffMs(failures: number, timing: Pick<SessionTiming, 'backoffBaseMs' | 'backoffMaxMs'>): number {
  const exponent = Math.max(0, Math.min(failures - 1, 20));
  return Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** exponent);
}

export function timingFromSettings(settings: { qrRefreshSeconds?: number; maxQrs?: number; maxMinutes?: number }): SessionTiming {
  const refreshMs = clamp(settings.qrRefreshSeconds ?? 20, 10, 60) * 1000;
  return {
    ...DEFAULT_TIMING,
    refreshMs,
    minShowMs: Math.min(DEFAULT_TIMING.minShowMs, refreshMs),
    maxQrs: clamp(settings.maxQrs ?? DEFAULT_TIMING.maxQrs, 1, 20),
    maxMs: clamp(settings.maxMinutes ?? 3, 0.25, 10) * 60_000,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
