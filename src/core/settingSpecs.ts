import { NumberSpec } from './boundedNumber';

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
