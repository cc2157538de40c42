import { MockInstance, MockServer } from '../../mock/server';

export const KEY = 'megastart-test0001';
export const TOKEN = 'tok-1';
/** A second instance shows state is kept per instance, and its token is a real one that is wrong for KEY. */
export const INSTANCES: MockInstance[] = [
  { key: KEY, token: TOKEN },
  { key: 'megacode-other', token: 'tok-2' },
];
/** A fixed clock, so a message's recorded time and its reply's timestamp can be asserted exactly. */
export const CLOCK = 1_700_000_123_456;
export const INITIAL_WEBHOOK = {
  webhookUrl: 'https://example.com/hooks/megaapi-original',
  webhookEnabled: true,
  webhookSecondaryUrl: 'https://example.com/hooks/megaapi-secondary',
};

export type Json = Record<string, unknown>;

/** The calls the message, webhook and group suites make; `mock` is read at each call, as the suite starts it in `before`. */
export function mockCalls(mock: () => MockServer) {
  /** A JSON body gets the Content-Type MegaAPI's own examples send; a string body is sent as given, with none. */
  const call = (path: string, init: { method?: string; token?: string; body?: unknown; contentType?: string } = {}) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${init.token ?? TOKEN}` };
    const raw = typeof init.body === 'string';
    if (init.contentType !== undefined) headers['Content-Type'] = init.contentType;
    else if (init.body !== undefined && !raw) headers['Content-Type'] = 'application/json';
    const body = init.body === undefined ? undefined : raw ? (init.body as string) : JSON.stringify(init.body);
    return fetch(mock().url + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  };
  const callJson = async (path: string, init?: Parameters<typeof call>[1]) => {
    const res = await call(path, init);
    return { status: res.status, body: (await res.json()) as Json };
  };
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${mock().url}/__mock/${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const send = (messageData: unknown, key = KEY) =>
    callJson(`/rest/sendMessage/${key}/text`, { body: { messageData } });
  const onWhatsApp = (jid: string) => callJson(`/rest/instance/isOnWhatsApp/${KEY}?jid=${encodeURIComponent(jid)}`);
  const configWebhook = (messageData: unknown) =>
    callJson(`/rest/webhook/${KEY}/configWebhook`, { body: { messageData } });
  return { call, callJson, control, send, onWhatsApp, configWebhook };
}
