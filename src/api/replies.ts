import { isErrorFlag } from '../core/errorFlag';
import { parseRetryAfterMs } from '../core/delay';
import { parseQrImage, QrImage } from '../core/qrImage';
import { Body, badShape } from './body';
import { ApiError, ApiResult, failure, success } from './errors';
import { JsonReply } from './http';

export type QrReply = { kind: 'qr'; image: QrImage } | { kind: 'connected' } | { kind: 'waiting' };

export interface InstanceUser {
  id: string;
  name?: string;
  verifiedName?: string;
}

export interface InstanceStatus {
  /** As the server said it: values other than `connected` are shown raw (through `serverText`). */
  status: string;
  connected: boolean;
  user?: InstanceUser;
}

export function messageOf(body: Body | undefined): string {
  return typeof body?.message === 'string' ? body.message : '';
}

/**
 * What a reply means before any endpoint looks at its fields: the HTTP status
 * first, then the `"error"` flag, because MegaAPI reports application errors
 * as HTTP 200 with the flag set. "Instance not found" is recognised here only,
 * whichever of the two carried it.
 */
export function checked(reply: JsonReply): ApiResult<Body> {
  const { status, body } = reply;
  if (status === 401 || status === 403) return failure({ kind: 'unauthorized', status });
  if (status === 404) return failure({ kind: 'notFound', status });
  if (status === 429) {
    return failure({ kind: 'rateLimited', retryAfterMs: parseRetryAfterMs(reply.retryAfter, reply.receivedAt) });
  }
  if (status >= 300 && status < 400) return failure({ kind: 'redirect', status });
  if (status >= 500) return failure({ kind: 'server', status });
  if (status >= 400 || (status >= 200 && status < 300 && body && isErrorFlag(body.error))) {
    return failure(flaggedError(status, messageOf(body)));
  }
  if (status < 200) return badShape(reply);
  if (!body) return failure({ kind: 'badPayload', status, reason: 'notJson' });
  return success(body);
}

function flaggedError(status: number, message: string): ApiError {
  if (/instance not found/i.test(message)) return { kind: 'notFound', status };
  return { kind: 'api', status, message };
}

export function qrFromReply(reply: JsonReply): ApiResult<QrReply> {
  // "User is already logged in" arrives with the error flag set or not, and
  // with a status that varies by server version: only a rejected token
  // outranks it.
  const rejected = reply.status === 401 || reply.status === 403;
  if (!rejected && /already logged/i.test(messageOf(reply.body))) return success({ kind: 'connected' });
  const answer = checked(reply);
  if (!answer.ok) return answer;
  const raw = answer.value.qrcode;
  // An empty QR means the instance is still preparing one: a wait, not an error.
  if (raw === undefined || raw === null || raw === '') return success({ kind: 'waiting' });
  if (typeof raw !== 'string') return badShape(reply);
  const image = parseQrImage(raw);
  if (!image.ok) return failure({ kind: 'badPayload', status: reply.status, reason: image.reason });
  return success({ kind: 'qr', image: image.value });
}

export function statusFromReply(reply: JsonReply): ApiResult<InstanceStatus> {
  const result = checked(reply);
  if (!result.ok) return result;
  const instance = result.value.instance;
  if (instance === null || typeof instance !== 'object') return badShape(reply);
  const fields = instance as Body;
  const status = typeof fields.status === 'string' ? fields.status : 'unknown';
  return success({ status, connected: status.toLowerCase() === 'connected', user: userFrom(fields.user) });
}

function userFrom(value: unknown): InstanceUser | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const fields = value as Body;
  if (typeof fields.id !== 'string') return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { id: fields.id, name: text(fields.name), verifiedName: text(fields.verifiedName) };
}

export function pairingCodeFromReply(reply: JsonReply): ApiResult<string> {
  const result = checked(reply);
  if (!result.ok) return result;
  // One public client reads `code`; the documented field is `pairingCode`.
  const raw = result.value.pairingCode ?? result.value.code;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9-]{4,16}$/.test(raw)) return badShape(reply);
  return success(raw.replace(/-/g, '').toUpperCase());
}

export function messageFromReply(reply: JsonReply): ApiResult<string> {
  // The restart endpoint's body is undocumented: a 2xx that is not JSON still succeeded.
  if (reply.body === undefined && reply.status >= 200 && reply.status < 300) return success('');
  const result = checked(reply);
  return result.ok ? success(messageOf(result.value)) : result;
}
