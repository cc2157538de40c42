import type { RequestBody } from './body';
import { badRequest, notConnected, readMessageData } from './messageData';
import { isValidPhoneNumber } from './qr';
import { FeatureAnswer, KEY, RestPattern, featureRoutes } from './restFeature';
import { Reply, json } from './send';
import type { InstanceState } from './state';

type MessagesRoute = 'sendText' | 'isOnWhatsApp';

const PATTERNS: RestPattern<MessagesRoute>[] = [
  ['POST', ['sendMessage', KEY, 'text'], 'sendText'],
  ['GET', ['instance', 'isOnWhatsApp', KEY], 'isOnWhatsApp'],
];

const answerMessages: FeatureAnswer<MessagesRoute> = (instance, route, query, body) => {
  switch (route) {
    case 'sendText':
      return sendText(instance, body);
    case 'isOnWhatsApp':
      return isOnWhatsApp(instance, query.get('jid'));
  }
};

export const messagesRoutes = featureRoutes(PATTERNS, answerMessages);

/** A person is digits with country code, as MegaAPI's OpenAPI asks (no `@s.whatsapp.net`); a group id ends in `@g.us`. */
const GROUP_ID = /^\d+(-\d+)?@g\.us$/;

function sendText(instance: InstanceState, body: RequestBody): Reply {
  const read = readMessageData(body);
  if (!read.ok) return read.reply;
  const { to, text } = read.data;
  if (typeof to !== 'string' || !(isValidPhoneNumber(to) || GROUP_ID.test(to))) {
    return badRequest('Invalid "to": digits with country code (5511999999999) or a group id ending in @g.us');
  }
  if (typeof text !== 'string' || text.trim() === '') return badRequest('"text" must be a non-empty string');
  const unlinked = notConnected(instance);
  if (unlinked) return unlinked;

  const sent = instance.messages.recordSent(to, text);
  const remoteJid = to.endsWith('@g.us') ? to : `${to}@s.whatsapp.net`;
  instance.deliveries.afterSend(to, sent.id, text);
  return json(200, {
    error: false,
    message: 'Message sent',
    key: { remoteJid, fromMe: true, id: sent.id },
    messageTimestamp: Math.floor(sent.time / 1000),
  });
}

function isOnWhatsApp(instance: InstanceState, jid: string | null): Reply {
  const digits = /^(\d{10,15})(@s\.whatsapp\.net)?$/.exec(jid ?? '')?.[1];
  if (digits === undefined) return badRequest('Invalid jid: expected 5511999999999@s.whatsapp.net');
  const unlinked = notConnected(instance);
  if (unlinked) return unlinked;
  const exists = instance.messages.knownNumbers(instance.ownNumber()).includes(digits);
  return json(200, { error: false, exists, jid: `${digits}@s.whatsapp.net` });
}
