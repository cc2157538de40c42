import { parseQrImage, QrImage } from '../core/qrImage';
import { ApiError } from './errors';
import { JsonReply } from './http';

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

function messageOf(body: Record<string, unknown>): string {
  return typeof body.message === 'string' ? body.message : '';
}

/** MegaAPI reports application errors as HTTP 200 with `"error": true`. */
function flaggedError(reply: JsonReply): ApiError | undefined {
  if (reply.body.error !== true) return undefined;
  const message = messageOf(reply.body);
  if (/instance not found/i.test(message)) return { kind: 'notFound', status: reply.status };
  return { kind: 'api', status: reply.status, message };
}

export function qrFromReply(reply: JsonReply): Shaped<QrReply> {
  // "User is already logged in" comes with error true or false depending on
  // the server version, so it is checked before the error flag.
  if (/already logged/i.test(messageOf(reply.body))) return { ok: true, value: { kind: 'connected' } };
  const flagged = flaggedError(reply);
  if (flagged) return { ok: false, error: flagged };
  const raw = reply.body.qrcode;
  // An empty QR means the instance is still preparing one: a wait, not an error.
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: { kind: 'waiting' } };
  if (typeof raw !== 'string') return { ok: false, error: { kind: 'badPayload', status: reply.status, reason: 'shape' } };
  const image = parseQrImage(raw);
  if (!image.ok) return { ok: false, error: { kind: 'badPayload', status: reply.status, reason: image.reason === 'tooLarge' ? 'tooLarge' : image.reason } };
  return { ok: true, value: { kind: 'qr', image: image.value } };
}

export function statusFromReply(reply: JsonReply): Shaped<InstanceStatus> {
  const flagged = flaggedError(reply);
  if (flagged) return { ok: false, error: flagged };
  const instance = reply.body.instance;
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
  const flagged = flaggedError(reply);
  if (flagged) return { ok: false, error: flagged };
  // One public client reads `code`; the documented field is `pairingCode`.
  const raw = reply.body.pairingCode ?? reply.body.code;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9-]{4,16}$/.test(raw)) {
    return { ok: false, error: { kind: 'badPayload', status: reply.status, reason: 'shape' } };
  }
  return { ok: true, value: raw.replace(/-/g, '').toUpperCase() };
}

export function messageFromReply(reply: JsonReply): Shaped<string> {
  const flagged = flaggedError(reply);
  if (flagged) return { ok: false, error: flagged };
  return { ok: true, value: messageOf(reply.body) };
}
