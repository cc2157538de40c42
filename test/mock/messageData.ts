import { RequestBody, isJsonContentType, parseJson } from './body';
import { Reply, json } from './send';
import type { InstanceState } from './state';

export const badRequest = (message: string): Reply => json(400, { error: true, message });

/**
 * What needs the phone's WhatsApp session fails while unlinked; the webhook is
 * server-side configuration and works either way. HTTP 200 with `error: true`
 * is how MegaAPI reports application errors; the exact wording is a guess.
 */
export const notConnected = (instance: InstanceState): Reply | undefined =>
  instance.connected ? undefined : json(200, { error: true, message: 'Instance not connected' });

type MessageDataRead = { ok: true; body: unknown; data: Record<string, unknown> } | { ok: false; reply: Reply };

/** The `messageData` object every MegaAPI POST wraps its fields in, or the reply refusing the body. */
export function readMessageData(body: RequestBody): MessageDataRead {
  if (body.tooLarge) return { ok: false, reply: json(413, { error: true, message: 'Request body too large' }) };
  if (!isJsonContentType(body.contentType)) {
    return { ok: false, reply: badRequest('Body must be JSON sent with Content-Type: application/json') };
  }
  const parsed = parseJson(body);
  if (!parsed.ok) return { ok: false, reply: badRequest('Body is not valid JSON') };
  const data = (parsed.value as { messageData?: unknown } | null | undefined)?.messageData;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reply: badRequest('Body must be {"messageData": {...}}') };
  }
  return { ok: true, body: parsed.value, data: data as Record<string, unknown> };
}
