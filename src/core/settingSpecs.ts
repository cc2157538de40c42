import { NumberProblem, NumberSpec, boundedNumber } from './boundedNumber';

/**
 * The numeric settings' defaults and bounds, in one place. package.json
 * declares the same numbers for the Settings editor; a unit test keeps the
 * two equal.
 */
export const NUMBER_SETTINGS = {
  requestTimeoutSeconds: { fallback: 15, min: 1, max: 120 },
  qrRefreshSeconds: { fallback: 20, min: 10, max: 60 },
  maxQrCodes: { fallback: 6, min: 1, max: 20 },
  maxMinutes: { fallback: 3, min: 0.25, max: 10 },
} satisfies Record<string, NumberSpec>;

export type NumberSettingName = keyof typeof NUMBER_SETTINGS;

/** `megaapi.watch.intervalSeconds`: 0 turns the watch off; otherwise once a minute by default, never more than every 15 s. */
export const WATCH_INTERVAL = { fallback: 60, min: 15, max: 3600 } satisfies NumberSpec;

/**
 * The watch's interval in seconds, 0 for off. A wrong type or a negative
 * number is the default; a number between 0 and the minimum is the minimum,
 * a huge one the maximum: no value makes the watch hammer MegaAPI.
 */
export function watchIntervalSeconds(raw: unknown): { value: number; problem?: NumberProblem } {
  if (raw === 0 || (typeof raw === 'string' && raw.trim() === '0')) return { value: 0 };
  const bounded = boundedNumber(raw, WATCH_INTERVAL);
  if (bounded.problem === 'notANumber') return bounded;
  const number = typeof raw === 'number' ? raw : Number(raw);
  if (number < 0) return { value: WATCH_INTERVAL.fallback, problem: 'belowMinimum' };
  return bounded;
}
