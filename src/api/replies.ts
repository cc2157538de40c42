import { parseQrImage, QrImage } from '../core/qrImage';
import { ApiError } from './errors';
import { JsonReply, errorForStatus } from './http';

export type QrReply = { kind: 'qr'; image: QrImage } | { kind: 'connected' } | { kind: 'waiting' };

export interface InstanceUser {
  id: string;
  name?: string;
  verifiedName?: string;
}

export interface InstanceStatus {
  /** As the server said it: values other than `connected` are shown raw. */
  status: string;
  connected: boolean;
  user?: InstanceUser;
}

type Shaped<T> = { ok: true; value: T } | { ok: false; error: ApiError };

type Body = Record<string, unknown>;

function messageOf(body: Body | undefined): string {
  return typeof body?.message === 'string' ? body.message : '';
}

/**
 * The HTTP status first, then the `"error": true` flag: MegaAPI reports
 * application errors as HTTP 200 with the flag set, so both are checked.
 */
function checked(reply: JsonReply): { ok: true; body: Body } | { ok: false; error: ApiError } {
  const byStatus = errorForStatus(reply);
  if (byStatus) return { ok: false, error: byStatus };
  const body = reply.body as Body;
  if (body.error !== true) return { ok: true, body };
  const message = messageOf(body);
  if (/instance not found/i.test(message)) return { ok: false, error: { kind: 'notFound', status: reply.status } };
  return { ok: false, error: { kind: 'api', status: reply.status, message } };
}

export function qrFromReply(reply: JsonReply): Shaped<QrReply> {
  // "User is already logged in" arrives with the error flag set or not, and
  // with a status that varies by server version: only a rejected token
  // outranks it.
  const rejected = reply.status === 401 || reply.status === 403;
  if (!rejected && /already logged/i.test(messageOf(reply.body))) return { ok: true, value: { kind: 'connected' } };
  const answer = checked(reply);
  if (!answer.ok) return answer;
  const raw = answer.body.qrcode;
  // An empty QR means the instance is still preparing one: a wait, not an error.
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: { kind: 'waiting' } };
  if (typeof raw !== 'string') return { ok: false, error: { kind: 'badPayload', status: reply.status, reason: 'shape' } };
  const image = parseQrImage(raw);
  if (!image.ok) return { ok: false, error: { kind: 'badPayload', status: reply.status, reason: image.reason === 'tooLarge' ? 'tooLarge' : image.reason } };
  return { ok: true, value: { kind: 'qr', image: image.value } };
}

export function statusFromReply(reply: JsonReply): Shaped<InstanceStatus> {
  const result = checked(reply);
  if (!result.ok) return result;
  const instance = result.body.instance;
  if (instance === null || typeof instance !== 'object') {
    return { ok: false, error: { kind: 'badPayload', status: reply.status, reason: 'shape' } };
  }
  const fields = instance as Record<string, unknown>;
  const status = typeof fields.status === 'string' ? fields.status : 'unknown';
  return { ok: true, value: { status, connected: status.toLowerCase() === 'connected', user: userFrom(fields.user) } };
}

function userFrom(value: unknown): InstanceUser | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const fields = value as Record<string, unknown>;
  if (typeof fields.id !== 'string') return undefined;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { id: fields.id, name: text(fields.name), verifiedName: text(fields.verifiedName) };
}

export function pairingCodeFromReply(reply: JsonReply): Shaped<string> {
  const result = checked(reply);
  if (!result.ok) return result;
  // One public client reads `code`; the documented field is `pairingCode`.
  const raw = result.body.pairingCode ?? result.body.code;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9-]{4,16}$/.test(raw)) {
    return { ok: false, error: { kind: 'badPayload', status: reply.status, reason: 'shape' } };
  }
  return { ok: true, value: raw.replace(/-/g, '').toUpperCase() };
}

export function messageFromReply(reply: JsonReply): Shaped<string> {
  // The restart endpoint's body is undocumented: a 2xx that is not JSON still succeeded.
  if (reply.body === undefined && reply.status >= 200 && reply.status < 300) return { ok: true, value: '' };
  const result = checked(reply);
  return result.ok ? { ok: true, value: messageOf(result.body) } : result;
}
