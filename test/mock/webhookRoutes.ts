import type { RequestBody } from './body';
import { badRequest, readMessageData } from './messageData';
import { FeatureAnswer, KEY, RestPattern, featureRoutes } from './restFeature';
import { Reply, json } from './send';
import type { InstanceState } from './state';

type WebhookRoute = 'webhook' | 'configWebhook';

const PATTERNS: RestPattern<WebhookRoute>[] = [
  ['GET', ['webhook', KEY], 'webhook'],
  ['POST', ['webhook', KEY, 'configWebhook'], 'configWebhook'],
];

const answerWebhook: FeatureAnswer<WebhookRoute> = (instance, route, _query, body) => {
  switch (route) {
    case 'webhook':
      return json(200, { error: false, message: 'Webhook data', webhookData: { ...instance.webhook.data } });
    case 'configWebhook':
      return configWebhook(instance, body);
  }
};

export const webhookRoutes = featureRoutes(PATTERNS, answerWebhook);

const WEBHOOK_FIELDS = ['webhookUrl', 'webhookEnabled', 'webhookSecondaryUrl', 'webhookSecondaryEnabled'];

/** Sets only the fields given: a client that sends just the URL must not lose the enabled flag or the secondary URL. */
function configWebhook(instance: InstanceState, body: RequestBody): Reply {
  const read = readMessageData(body);
  if (!read.ok) return read.reply;
  const given = Object.fromEntries(Object.entries(read.data).filter(([name]) => WEBHOOK_FIELDS.includes(name)));
  if (Object.keys(given).length === 0) return badRequest('messageData needs webhookUrl and/or webhookEnabled');
  // Null would delete a field through the shared merge; the API has no such meaning, so it is refused here.
  const nulls = Object.keys(given).filter((name) => given[name] === null);
  if (nulls.length > 0) return badRequest(`${nulls.join(', ')} must not be null`);
  const problem = instance.webhook.merge(given);
  if (problem !== undefined) return badRequest(problem);
  instance.webhook.configs.push(read.body);
  return json(200, { error: false, message: 'Webhook configured' });
}
