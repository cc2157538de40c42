import { randomBytes } from 'node:crypto';

/** A fresh CSP nonce per render; `Math.random` is guessable. */
export function createNonce(): string {
  return randomBytes(18).toString('base64');
}
