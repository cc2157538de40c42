import { ApiError } from './errors';

/**
 * MegaAPI has no error code for "this instance has no phone linked": it says
 * so in words, with the error flag, on every call that needs the phone's
 * session. The wording is not documented, so this is the one place that
 * recognises it; everything else asks `isNotLinked`.
 */
const NOT_LINKED = /\b(not connected|not logged in|not linked|disconnected|logged out|no active session|no session)\b/i;

export function isNotLinked(error: ApiError): boolean {
  return error.kind === 'api' && NOT_LINKED.test(error.message);
}
