import { Parsed, fail, ok } from './parsed';

export type InstanceKeyReason = 'empty' | 'tooLong' | 'characters';

const MAX_LENGTH = 128;
/**
 * MegaAPI keys look like `megastart-XXXXXXXX` or `megacode-XXXXXXXX`. Allowing
 * only ASCII letters, digits, `-` and `_` refuses path tricks (`/`, `..`,
 * `%2e`), query or fragment characters and unicode look-alikes in one rule,
 * while the client still encodes the key as one path segment.
 */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function parseInstanceKey(raw: string): Parsed<string, InstanceKeyReason> {
  const key = raw.trim();
  if (key === '') return fail('empty');
  if (key.length > MAX_LENGTH) return fail('tooLong');
  if (!KEY_PATTERN.test(key)) return fail('characters');
  return ok(key);
}
