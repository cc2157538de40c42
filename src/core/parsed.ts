/**
 * The result of parsing untrusted input. Parsers return a reason code rather
 * than a message so that the core stays free of `vscode`; `text/reasons.ts`
 * turns each code into a localised sentence.
 */
export type Parsed<T, R extends string = string> = { ok: true; value: T } | { ok: false; reason: R };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<R extends string>(reason: R): { ok: false; reason: R } {
  return { ok: false, reason };
}

/** C0/C1 control characters, and whitespace that has no place inside a key, token or URL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/u;
