import { failure } from './errors';
import { JsonReply } from './http';

/** A JSON object as parsed from a reply: every field is unknown until read. */
export type Body = Record<string, unknown>;

export function isBody(value: unknown): value is Body {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object under `name`, if that is an object. */
export function objectAt(body: Body | undefined, name: string): Body | undefined {
  const value = body?.[name];
  return isBody(value) ? value : undefined;
}

/** The value itself when it is an object, or the first item when it is a list of them. */
export function firstObject(value: unknown): Body | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return isBody(first) ? first : undefined;
}

/** Hosts that send the error flag as `"true"` or `1` may send any yes or no the same way. */
export function yesNo(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === 'true') return true;
  if (value === false || value === 0 || value === 'false') return false;
  return undefined;
}

/** A reply that is JSON, but not in the shape the endpoint answers with. */
export const badShape = (reply: JsonReply) => failure({ kind: 'badPayload', status: reply.status, reason: 'shape' });
