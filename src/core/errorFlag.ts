const TRUTHY = new Set(['true', '1', 'yes']);

/**
 * MegaAPI reports application errors as HTTP 200 with `"error": true`, and
 * some hosts send the flag as `"true"` or `1`. Anything unrecognised counts as
 * no error flag, so the reply's own fields decide (a missing QR is still
 * refused by its parser).
 */
export function isErrorFlag(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return typeof value === 'string' && TRUTHY.has(value.trim().toLowerCase());
}
