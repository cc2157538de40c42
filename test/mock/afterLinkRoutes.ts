import { MOCK_GROUPS } from './afterLinkState';
import { RequestBody, isJsonContentType, parseJson } from './body';
import { isValidPhoneNumber } from './qr';
import { Reply, json } from './send';
import type { InstanceState } from './state';

export type AfterLinkRoute = 'sendText' | 'isOnWhatsApp' | 'webhook' | 'configWebhook' | 'groups';

const KEY = Symbol('instance key');

/** Segments after `/rest`; KEY marks where the instance key sits. */
const PATTERNS: [method: string, segments: (string | typeof KEY)[], route: AfterLinkRoute][] = [
  ['POST', ['sendMessage', KEY, 'text'], 'sendText'],
  ['GET', ['instance', 'isOnWhatsApp', KEY], 'isOnWhatsApp'],
  ['GET', ['webhook', KEY], 'webhook'],
  ['POST', ['webhook', KEY, 'configWebhook'], 'configWebhook'],
  ['GET', ['group', 'list', KEY], 'groups'],
];

/** `parts` are the decoded path segments after `rest`. */
export function matchAfterLink(method: string, parts: string[]): { route: AfterLinkRoute; key: string } | undefined {
  for (const [want, segments, route] of PATTERNS) {
    if (method !== want || parts.length !== segments.length) continue;
    if (segments.every((s, i) => s === KEY || s === parts[i])) return { route, key: parts[segments.indexOf(KEY)] };
  }
  return undefined;
}

export function isAfterLinkRoute(route: string): route is AfterLinkRoute {
  return PATTERNS.some(([, , r]) => r === route);
}

const bad = (message: string): Reply => json(400, { error: true, message });

/**
 * What needs the phone's WhatsApp session fails while unlinked; the webhook is
 * server-side configuration and works either way. HTTP 200 with `error: true`
 * is how MegaAPI reports application errors; the exact wording is a guess.
 */
const notConnected = (instance: InstanceState): Reply | undefined =>
  instance.connected ? undefined : json(200, { error: true, message: 'Instance not connected' });

/** Auth has passed. A bad request is refused before the link is checked, so a client bug shows whatever the link state. */
export function answerAfterLink(
  instance: InstanceState,
  route: AfterLinkRoute,
  query: URLSearchParams,
  body: RequestBody,
): Reply {
  switch (route) {
    case 'sendText':
      return sendText(instance, body);
    case 'isOnWhatsApp':
      return isOnWhatsApp(instance, query.get('jid'));
    case 'webhook':
      return json(200, { error: false, message: 'Webhook data', webhookData: { ...instance.afterLink.webhook } });
    case 'configWebhook':
      return configWebhook(instance, body);
    case 'groups':
      return notConnected(instance) ?? json(200, { error: false, groups: MOCK_GROUPS });
  }
}

/** A person is digits with country code, as MegaAPI's OpenAPI asks (no `@s.whatsapp.net`); a group id ends in `@g.us`. */
const GROUP_ID = /^\d+(-\d+)?@g\.us$/;

function sendText(instance: InstanceState, body: RequestBody): Reply {
  const read = readMessageData(body);
  if (!read.ok) return read.reply;
  const { to, text } = read.data;
  if (typeof to !== 'string' || !(isValidPhoneNumber(to) || GROUP_ID.test(to))) {
    return bad('Invalid "to": digits with country code (5511999999999) or a group id ending in @g.us');
  }
  if (typeof text !== 'string' || text.trim() === '') return bad('"text" must be a non-empty string');
  const unlinked = notConnected(instance);
  if (unlinked) return unlinked;

  const sent = instance.afterLink.recordSent(to, text);
  const remoteJid = to.endsWith('@g.us') ? to : `${to}@s.whatsapp.net`;
  return json(200, {
    error: false,
    message: 'Message sent',
    key: { remoteJid, fromMe: true, id: sent.id },
    messageTimestamp: Math.floor(sent.time / 1000),
  });
}

function isOnWhatsApp(instance: InstanceState, jid: string | null): Reply {
  const digits = /^(\d{10,15})(@s\.whatsapp\.net)?$/.exec(jid ?? '')?.[1];
  if (digits === undefined) return bad('Invalid jid: expected 5511999999999@s.whatsapp.net');
  const unlinked = notConnected(instance);
  if (unlinked) return unlinked;
  const exists = instance.afterLink.knownNumbers(instance.ownNumber()).includes(digits);
  return json(200, { error: false, exists, jid: `${digits}@s.whatsapp.net` });
}

const WEBHOOK_FIELDS = ['webhookUrl', 'webhookEnabled', 'webhookSecondaryUrl'];

/** Sets only the fields given: a client that sends just the URL must not lose the enabled flag or the secondary URL. */
function configWebhook(instance: InstanceState, body: RequestBody): Reply {
  const read = readMessageData(body);
  if (!read.ok) return read.reply;
  const given = Object.fromEntries(Object.entries(read.data).filter(([name]) => WEBHOOK_FIELDS.includes(name)));
  if (Object.keys(given).length === 0) return bad('messageData needs webhookUrl and/or webhookEnabled');
  // Null would delete a field through the shared merge; the API has no such meaning, so it is refused here.
  const nulls = Object.keys(given).filter((name) => given[name] === null);
  if (nulls.length > 0) return bad(`${nulls.join(', ')} must not be null`);
  const problem = instance.afterLink.mergeWebhook(given);
  if (problem !== undefined) return bad(problem);
  instance.afterLink.webhookConfigs.push(read.body);
  return json(200, { error: false, message: 'Webhook configured' });
}

type MessageDataRead = { ok: true; body: unknown; data: Record<string, unknown> } | { ok: false; reply: Reply };

/** The `messageData` object every MegaAPI POST wraps its fields in, or the reply refusing the body. */
function readMessageData(body: RequestBody): MessageDataRead {
  if (body.tooLarge) return { ok: false, reply: json(413, { error: true, message: 'Request body too large' }) };
  if (!isJsonContentType(body.contentType)) {
    return { ok: false, reply: bad('Body must be JSON sent with Content-Type: application/json') };
  }
  const parsed = parseJson(body);
  if (!parsed.ok) return { ok: false, reply: bad('Body is not valid JSON') };
  const data = (parsed.value as { messageData?: unknown } | null | undefined)?.messageData;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reply: bad('Body must be {"messageData": {...}}') };
  }
  return { ok: true, body: parsed.value, data: data as Record<string, unknown> };
}
