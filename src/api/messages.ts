import { Endpoint } from './client';
import { ApiResult, success } from './errors';
import { JsonReply } from './http';
import { firstObject, objectAt, yesNo } from './body';
import { checked } from './replies';

/** What a sent message left behind: its id when the reply had one (MegaAPI does not promise it). */
export interface SentText {
  id?: string;
}

/** `unknown` is an answer too: the reply's shape did not say, and the user sees the reply instead of a guess. */
export type NumberCheck = { answer: 'yes'; jid?: string } | { answer: 'no' } | { answer: 'unknown' };

/** `to` is digits with country code for a person (no `@s.whatsapp.net`, per MegaAPI's OpenAPI) or a group id ending in `@g.us`. */
export function sendTextEndpoint(key: string, to: string, text: string): Endpoint<SentText> {
  return {
    what: 'Send message',
    method: 'POST',
    path: ['sendMessage', key, 'text'],
    body: { messageData: { to, text } },
    parse: sentFromReply,
  };
}

export function isOnWhatsAppEndpoint(key: string, digits: string): Endpoint<NumberCheck> {
  return {
    what: 'Number check',
    method: 'GET',
    path: ['instance', 'isOnWhatsApp', key],
    query: { jid: `${digits}@s.whatsapp.net` },
    parse: numberCheckFromReply,
  };
}

/** WhatsApp ids are short hex-like tokens (`3EB0…`, `BAE5…`); anything else is not shown as one. */
const MESSAGE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function sentFromReply(reply: JsonReply): ApiResult<SentText> {
  const result = checked(reply);
  if (!result.ok) return result;
  const body = result.value;
  // `key.id` is what Baileys-based servers return; the others are seen in wrappers around it.
  const candidates = [objectAt(body, 'key')?.id, objectAt(objectAt(body, 'data'), 'key')?.id, body.id, body.messageId];
  const id = candidates.find((value): value is string => typeof value === 'string' && MESSAGE_ID.test(value));
  return success({ id });
}

const PERSON_JID = /^\d{6,15}(:\d{1,3})?@(s\.whatsapp\.net|c\.us)$/;
const ANSWER_FIELDS = ['exists', 'isOnWhatsApp', 'onWhatsApp', 'result'];

/**
 * `{ exists, jid }` is the documented shape; some clients read `result` or
 * `isOnWhatsApp`, and Baileys itself answers with a list of `{ exists, jid }`.
 * The first of those that holds a yes or no decides; none of them is "unknown",
 * not an error, because the request itself succeeded.
 */
export function numberCheckFromReply(reply: JsonReply): ApiResult<NumberCheck> {
  const result = checked(reply);
  if (!result.ok) return result;
  const body = result.value;
  for (const place of [body, firstObject(body.result), firstObject(body.data)]) {
    if (!place) continue;
    const said = ANSWER_FIELDS.map((name) => yesNo(place[name])).find((value) => value !== undefined);
    if (said === false) return success({ answer: 'no' });
    if (said === true) {
      const jid = typeof place.jid === 'string' && PERSON_JID.test(place.jid) ? place.jid : undefined;
      return success({ answer: 'yes', jid });
    }
  }
  return success({ answer: 'unknown' });
}
