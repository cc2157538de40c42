import { CONTROL_OR_SPACE, Parsed, fail, ok } from './parsed';

export type TokenReason = 'empty' | 'tooLong' | 'characters';

const MAX_LENGTH = 8192;

/**
 * Tokens are opaque strings or JWTs, so the format is not checked; only what
 * cannot travel in an HTTP header (or is obviously a paste accident) is refused.
 */
export function parseToken(raw: string): Parsed<string, TokenReason> {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  if (token === '') return fail('empty');
  if (token.length > MAX_LENGTH) return fail('tooLong');
  if (CONTROL_OR_SPACE.test(token) || /[^\x21-\x7e]/.test(token)) return fail('characters');
  return ok(token);
}
