import { NumberSpec, boundedNumber } from './boundedNumber';
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
