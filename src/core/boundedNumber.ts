export interface NumberSpec {
  fallback: number;
  min: number;
  max: number;
}

export type NumberProblem = 'notANumber' | 'belowMinimum' | 'aboveMaximum';

/**
 * A decimal number written as a string. settings.json is edited by hand, and
 * `"megaapi.qrRefreshSeconds": "15"` means 15: VS Code already underlines the
 * wrong type, so it is taken as the number rather than silently discarded.
 * `Number()` alone would be too lenient: it reads "" and " " as 0, and "0x10"
 * as 16.
 */
const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i;

/**
 * A numeric setting as the code may use it. The `minimum`/`maximum` in
 * package.json only make the settings editor complain; getConfiguration still
 * hands over whatever the file holds (a string, null, 1e308), and a timer or
 * loop count built from that misbehaves. The problem lets the caller say which
 * setting was replaced, and by what.
 */
export function boundedNumber(raw: unknown, spec: NumberSpec): { value: number; problem?: NumberProblem } {
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(number)) return { value: spec.fallback, problem: 'notANumber' };
  if (number < spec.min) return { value: spec.min, problem: 'belowMinimum' };
  if (number > spec.max) return { value: spec.max, problem: 'aboveMaximum' };
  return { value: number };
}
