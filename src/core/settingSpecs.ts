import { NumberProblem, NumberSpec, boundedNumber } from './boundedNumber';
import { logLine } from './serverText';

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

/**
 * Any value settings.json can hold, as a short log-safe text: it never
 * throws (`{"toString": null}` makes `String(value)` throw) and never breaks
 * the line (a newline in a string would forge a log line).
 */
export function settingValueText(raw: unknown, maxLength = 40): string {
  let text: string;
  if (typeof raw === 'string') text = JSON.stringify(raw);
  else if (raw === null || typeof raw === 'number' || typeof raw === 'boolean') text = String(raw);
  else if (raw === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(raw) ?? typeof raw;
    } catch {
      text = typeof raw;
    }
  }
  return logLine(text, maxLength);
}

/**
 * A numeric setting read safely, whatever JSON it holds, and the log line
 * (once per distinct value, by `reportKey`) when it had to be replaced.
 */
export function readNumberSetting(
  name: NumberSettingName,
  raw: unknown,
): { value: number; reportKey?: string; warning?: string } {
  const { value, problem } = boundedNumber(raw, NUMBER_SETTINGS[name]);
  if (!problem) return { value };
  const shown = settingValueText(raw);
  return {
    value,
    reportKey: `${name}:${shown}`,
    warning: `Setting megaapi.${name} is ${problem} (${shown}); using ${value}.`,
  };
}

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
