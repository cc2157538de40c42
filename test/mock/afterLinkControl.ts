import { json, Reply } from './send';
import type { MockState } from './state';

export type AfterLinkAction = 'messages' | 'webhook' | 'numbers';

const bad = (message: string): Reply => json(400, { error: true, message });

/** `/__mock/instances/{key}/{messages|webhook|numbers}`: what tests read back and stage around the after-link endpoints. */
export function answerAfterLinkControl(
  state: MockState,
  method: string,
  key: string,
  action: AfterLinkAction,
  body: unknown,
): Reply {
  const instance = state.find(key);
  if (!instance) return json(404, { error: true, message: 'Instance not found' });
  const afterLink = instance.afterLink;

  if (action === 'messages') return json(200, { messages: afterLink.sent });
  if (action === 'webhook' && method === 'GET') {
    return json(200, { webhook: afterLink.webhook, configs: afterLink.webhookConfigs });
  }
  if (action === 'webhook') {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return bad('body must be a JSON object of webhook fields');
    }
    const problem = afterLink.mergeWebhook(body as Record<string, unknown>);
    return problem === undefined ? json(200, { ok: true, webhook: afterLink.webhook }) : bad(problem);
  }
  const { number } = (body ?? {}) as Record<string, unknown>;
  if (typeof number !== 'string') return bad('body must be {"number": "5511999999999"}');
  try {
    afterLink.addKnownNumber(number);
  } catch (err) {
    return bad((err as Error).message);
  }
  return json(200, { ok: true, knownNumbers: afterLink.knownNumbers(instance.ownNumber()) });
}
