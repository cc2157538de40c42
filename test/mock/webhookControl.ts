import { json, Reply } from './send';
import type { MockState } from './state';

const bad = (message: string): Reply => json(400, { error: true, message });

/** `/__mock/instances/{key}/webhook`: what tests read back of the webhook, and how they stage one without an API call. */
export function answerWebhookControl(state: MockState, method: 'GET' | 'POST', key: string, body: unknown): Reply {
  const instance = state.find(key);
  if (!instance) return json(404, { error: true, message: 'Instance not found' });
  const webhook = instance.webhook;

  if (method === 'GET') return json(200, { webhook: webhook.data, configs: webhook.configs });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return bad('body must be a JSON object of webhook fields');
  }
  const problem = webhook.merge(body as Record<string, unknown>);
  return problem === undefined ? json(200, { ok: true, webhook: webhook.data }) : bad(problem);
}
