import { json, Reply } from './send';
import type { MockState } from './state';

export type MessagesAction = 'messages' | 'numbers';

const bad = (message: string): Reply => json(400, { error: true, message });

/** `/__mock/instances/{key}/{messages|numbers}`: what tests read back of the texts sent, and the numbers they stage as on WhatsApp. */
export function answerMessagesControl(state: MockState, key: string, action: MessagesAction, body: unknown): Reply {
  const instance = state.find(key);
  if (!instance) return json(404, { error: true, message: 'Instance not found' });
  const messages = instance.messages;

  if (action === 'messages') return json(200, { messages: messages.sent });
  const { number } = (body ?? {}) as Record<string, unknown>;
  if (typeof number !== 'string') return bad('body must be {"number": "5511999999999"}');
  try {
    messages.addKnownNumber(number);
  } catch (err) {
    return bad((err as Error).message);
  }
  return json(200, { ok: true, knownNumbers: messages.knownNumbers(instance.ownNumber()) });
}
