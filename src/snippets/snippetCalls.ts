import { Endpoint, restUrl } from '../api/client';
import { groupDetailsEndpoint, listGroupsEndpoint } from '../api/groups';
import { JSON_HEADERS } from '../api/http';
import { logoutEndpoint, pairingCodeEndpoint, qrEndpoint, restartEndpoint, statusEndpoint } from '../api/instance';
import { isOnWhatsAppEndpoint, sendTextEndpoint } from '../api/messages';
import { configWebhookEndpoint, readWebhookEndpoint } from '../api/webhook';
import { InstanceRef } from '../core/instanceRef';
import { REPLY_TYPES, ReplyType } from './replyTypes';

export type CallId =
  | 'status'
  | 'qr'
  | 'pairingCode'
  | 'sendText'
  | 'isOnWhatsApp'
  | 'readWebhook'
  | 'setWebhook'
  | 'listGroups'
  | 'groupDetails'
  | 'logout'
  | 'restart';

/** What the user would choose; a snippet gets the last values used where there are some, these otherwise. */
export interface SnippetValues {
  /** Digits with country code: the pairing phone and the number checked. */
  phone: string;
  /** A send's destination: digits for a person, `…@g.us` for a group. */
  to: string;
  text: string;
  webhookUrl: string;
  groupJid: string;
}

export const PLACEHOLDERS: SnippetValues = {
  phone: '5511999999999',
  to: '5511999999999',
  text: 'Hello from MegaAPI',
  webhookUrl: 'https://example.com/your-webhook-path',
  groupJid: '120363000000000000@g.us',
};

/**
 * Every call Copy Request as Code offers, in menu order, each built from the
 * very Endpoint the extension sends: a snippet cannot drift from the client.
 * Set webhook is written as a first configuration (no fields read back).
 */
export const SNIPPET_CALLS: ReadonlyArray<{ id: CallId; endpoint(key: string, v: SnippetValues): Endpoint<unknown> }> =
  [
    { id: 'status', endpoint: (key) => statusEndpoint(key) },
    { id: 'qr', endpoint: (key) => qrEndpoint(key) },
    { id: 'pairingCode', endpoint: (key, v) => pairingCodeEndpoint(key, v.phone) },
    { id: 'sendText', endpoint: (key, v) => sendTextEndpoint(key, v.to, v.text) },
    { id: 'isOnWhatsApp', endpoint: (key, v) => isOnWhatsAppEndpoint(key, v.phone) },
    { id: 'readWebhook', endpoint: (key) => readWebhookEndpoint(key) },
    {
      id: 'setWebhook',
      endpoint: (key, v) => configWebhookEndpoint(key, { url: '', fields: {} }, { url: v.webhookUrl, enabled: true }),
    },
    { id: 'listGroups', endpoint: (key) => listGroupsEndpoint(key) },
    { id: 'groupDetails', endpoint: (key, v) => groupDetailsEndpoint(key, v.groupJid) },
    { id: 'logout', endpoint: (key) => logoutEndpoint(key) },
    { id: 'restart', endpoint: (key) => restartEndpoint(key) },
  ];

/** One call, as every language writes it. Never holds the token: the header is each template's own text. */
export interface SnippetRequest {
  call: CallId;
  /** The log's name for the call ("Send message"), for titles. */
  what: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  /** Headers besides Authorization, as the client sends them. */
  headers: Readonly<Record<string, string>>;
  body?: unknown;
  reply: ReplyType;
}

/** Undefined only when the instance's host is not a URL, which a saved instance never has. */
export function snippetRequest(instance: InstanceRef, call: CallId, values: SnippetValues): SnippetRequest | undefined {
  const found = SNIPPET_CALLS.find((entry) => entry.id === call);
  if (!found) return undefined;
  const endpoint = found.endpoint(instance.key, values);
  const url = restUrl(instance.baseUrl, endpoint.path, endpoint.query);
  if (!url) return undefined;
  return {
    call,
    what: endpoint.what,
    method: endpoint.method,
    url,
    headers: JSON_HEADERS,
    body: endpoint.body,
    reply: REPLY_TYPES[call],
  };
}
