import { Endpoint } from './client';
import { ApiResult, success } from './errors';
import { JsonReply } from './http';
import { Body, badShape, isBody, yesNo } from './body';
import { checked, messageFromReply } from './replies';

/** An instance's webhook as MegaAPI reported it. */
export interface Webhook {
  /** Empty when none is set. */
  url: string;
  /** Undefined when the reply did not say. */
  enabled?: boolean;
  secondaryUrl?: string;
  /**
   * Every field the read returned, unknown ones included, so that a write can
   * send them back: a server that replaces the whole configuration must not
   * lose a secondary URL this extension knows nothing about.
   */
  fields: Body;
}

/** What a command changes; everything else is written back as it was read. */
export interface WebhookChange {
  url: string;
  enabled?: boolean;
}

export function readWebhookEndpoint(key: string): Endpoint<Webhook> {
  return { what: 'Webhook', method: 'GET', path: ['webhook', key], parse: webhookFromReply };
}

export function configWebhookEndpoint(key: string, read: Webhook, change: WebhookChange): Endpoint<string> {
  return {
    what: 'Set webhook',
    method: 'POST',
    path: ['webhook', key, 'configWebhook'],
    body: { messageData: webhookMessageData(read, change) },
    parse: messageFromReply,
  };
}

/**
 * Writes `messageData` exactly as given: for callers that change fields
 * other than the primary URL and flag (the events tap writes
 * `webhookSecondaryUrl` and `webhookSecondaryEnabled`, and puts them back)
 * and have built the whole body from a read themselves.
 */
export function configWebhookFieldsEndpoint(key: string, messageData: Body): Endpoint<string> {
  return {
    what: 'Set webhook',
    method: 'POST',
    path: ['webhook', key, 'configWebhook'],
    body: { messageData },
    parse: messageFromReply,
  };
}

/**
 * The read fields with the change on top. Null fields are left out: MegaAPI
 * gives null no meaning on write, and a server that refuses it (the project's
 * mock does) would refuse the whole change for a field the user never touched.
 */
export function webhookMessageData(read: Webhook, change: WebhookChange): Body {
  const kept = Object.entries(read.fields).filter(([, value]) => value !== null && value !== undefined);
  const data: Body = { ...Object.fromEntries(kept), webhookUrl: change.url };
  if (change.enabled !== undefined) data.webhookEnabled = change.enabled;
  return data;
}

/**
 * `webhookData.webhookUrl` and `webhookData.webhookEnabled` are what MegaAPI
 * is seen to send; a few hosts put the fields under `data` or at the top. A
 * `webhookData` of null means no webhook yet.
 */
export function webhookFromReply(reply: JsonReply): ApiResult<Webhook> {
  const result = checked(reply);
  if (!result.ok) return result;
  const body = result.value;
  if (body.webhookData === null) return success({ url: '', fields: {} });
  const data = [body.webhookData, body.data, body].find(
    (place): place is Body => isBody(place) && ('webhookUrl' in place || 'webhookEnabled' in place),
  );
  if (!data) return badShape(reply);
  const fields = data === body ? withoutEnvelope(body) : data;
  const url = data.webhookUrl ?? '';
  if (typeof url !== 'string') return badShape(reply);
  const secondary = data.webhookSecondaryUrl;
  return success({
    url,
    enabled: yesNo(data.webhookEnabled),
    secondaryUrl: typeof secondary === 'string' && secondary !== '' ? secondary : undefined,
    fields,
  });
}

/** The reply's own status fields are not webhook configuration, so they are never written back. */
function withoutEnvelope(body: Body): Body {
  return Object.fromEntries(Object.entries(body).filter(([name]) => name !== 'error' && name !== 'message'));
}
