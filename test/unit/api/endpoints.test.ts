import * as assert from 'node:assert/strict';
import { Endpoint, InstanceClient } from '../../../src/api/client';
import { isOnWhatsAppEndpoint, sendTextEndpoint } from '../../../src/api/messages';
import { nodeFetch } from '../../../src/api/nodeFetch';
import { isNotLinked } from '../../../src/api/notLinked';
import { callKeepingReply } from '../../../src/api/rawReply';
import { Webhook, configWebhookEndpoint, readWebhookEndpoint } from '../../../src/api/webhook';
import { MockServer, startMockServer } from '../../mock/server';
import { freePort } from '../../shared/ports';

const KEY = 'megastart-after1';
const TOKEN = 'tok-after-5a1f';
const ORIGINAL = {
  webhookUrl: 'https://example.com/hooks/megaapi-original',
  webhookEnabled: true,
  webhookSecondaryUrl: 'https://example.com/hooks/megaapi-secondary',
};

describe('message and webhook calls against the mock MegaAPI', function () {
  this.timeout(10_000);
  let mock: MockServer;

  const client = (options: { token?: string; timeoutMs?: number; key?: string; baseUrl?: string } = {}) =>
    new InstanceClient({
      instance: { baseUrl: options.baseUrl ?? mock.url, key: options.key ?? KEY },
      token: () => options.token ?? TOKEN,
      policy: () => ({ allowInsecureHttp: false, timeoutMs: options.timeoutMs ?? 2_000 }),
      fetch: nodeFetch,
    });
  const readWebhook = async () => {
    const read = await client().call(readWebhookEndpoint(KEY));
    assert.ok(read.ok, JSON.stringify(read));
    return read.value;
  };

  before(async () => {
    mock = await startMockServer({ instances: [{ key: KEY, token: TOKEN }] });
  });
  after(() => mock.close());
  beforeEach(() => mock.reset());

  it('sends a text with the documented body and reads the message id', async () => {
    mock.setConnected(KEY, true);
    const { result, reply } = await callKeepingReply(client(), sendTextEndpoint(KEY, '5511912345678', 'Olá 👋'));
    const [sent] = mock.sentMessages(KEY);
    assert.deepEqual(result, { ok: true, value: { id: sent.id } });
    assert.equal(reply?.status, 200);
    assert.match(reply?.text ?? '', new RegExp(sent.id));
    const [request] = mock.requests();
    assert.equal(`${request.method} ${request.path}`, `POST /rest/sendMessage/${KEY}/text`);
    assert.deepEqual(request.body, { messageData: { to: '5511912345678', text: 'Olá 👋' } });
    assert.equal(request.authorization, `Bearer ${TOKEN}`);
  });

  it('sends to a group id as given', async () => {
    mock.setConnected(KEY, true);
    const result = await client().call(sendTextEndpoint(KEY, '120363000000000001@g.us', 'to the group'));
    assert.ok(result.ok);
    assert.equal(mock.sentMessages(KEY)[0].to, '120363000000000001@g.us');
  });

  it('reads "Instance not connected" (HTTP 200, error flag) as not linked, keeping the reply', async () => {
    const { result, reply } = await callKeepingReply(client(), sendTextEndpoint(KEY, '5511912345678', 'hi'));
    assert.deepEqual(result, { ok: false, error: { kind: 'api', status: 200, message: 'Instance not connected' } });
    assert.ok(!result.ok && isNotLinked(result.error));
    assert.equal(reply?.text, '{"error":true,"message":"Instance not connected"}');
    const check = await client().call(isOnWhatsAppEndpoint(KEY, '5511999999999'));
    assert.ok(!check.ok && isNotLinked(check.error));
    assert.deepEqual(mock.sentMessages(KEY), []);
  });

  it('answers yes with the JID for a known number and no for an unknown one, asking with the JID', async () => {
    mock.setConnected(KEY, true);
    mock.addKnownNumber(KEY, '5521988887777');
    assert.deepEqual(await client().call(isOnWhatsAppEndpoint(KEY, '5521988887777')), {
      ok: true,
      value: { answer: 'yes', jid: '5521988887777@s.whatsapp.net' },
    });
    assert.deepEqual(await client().call(isOnWhatsAppEndpoint(KEY, '5511900001111')), {
      ok: true,
      value: { answer: 'no' },
    });
    const [request] = mock.requests();
    assert.equal(request.path, `/rest/instance/isOnWhatsApp/${KEY}`);
    assert.equal(new URLSearchParams(request.query).get('jid'), '5521988887777@s.whatsapp.net');
  });

  it('reads the webhook, keeping every field, and writes a change with the other fields as read', async () => {
    mock.setWebhook(KEY, { deliveryDelay: 3 });
    const read = await readWebhook();
    assert.equal(read.url, ORIGINAL.webhookUrl);
    assert.equal(read.enabled, true);
    assert.equal(read.secondaryUrl, ORIGINAL.webhookSecondaryUrl);
    assert.deepEqual(read.fields, { ...ORIGINAL, deliveryDelay: 3 });

    const url = 'https://hooks.example.test/e2e?secret=s3cr3t';
    const written = await client().call(configWebhookEndpoint(KEY, read, { url, enabled: false }));
    assert.deepEqual(written, { ok: true, value: 'Webhook configured' });
    const expected = { ...ORIGINAL, deliveryDelay: 3, webhookUrl: url, webhookEnabled: false };
    assert.deepEqual(mock.webhookConfigs(KEY), [{ messageData: expected }]);
    assert.equal(mock.webhook(KEY).webhookSecondaryUrl, ORIGINAL.webhookSecondaryUrl);
    const back = await readWebhook();
    assert.deepEqual([back.url, back.enabled], [url, false]);
  });

  it('works on the webhook while unlinked: it is server-side configuration', async () => {
    assert.equal((await readWebhook()).url, ORIGINAL.webhookUrl);
  });

  it('leaves out null fields when writing back, since the server refuses them', async () => {
    const read: Webhook = { url: 'https://a.example/x', enabled: true, fields: { webhookSecondaryUrl: null } };
    const written = await client().call(configWebhookEndpoint(KEY, read, { url: 'https://b.example/y' }));
    assert.ok(written.ok, JSON.stringify(written));
    assert.deepEqual(mock.webhookConfigs(KEY), [{ messageData: { webhookUrl: 'https://b.example/y' } }]);
  });

  describe('every error kind, on every new endpoint', () => {
    const endpoints: Array<[string, () => Endpoint<unknown>]> = [
      ['sendMessage', () => sendTextEndpoint(KEY, '5511912345678', 'hi')],
      ['isOnWhatsApp', () => isOnWhatsAppEndpoint(KEY, '5511999999999')],
      ['webhook', () => readWebhookEndpoint(KEY)],
      ['configWebhook', () => configWebhookEndpoint(KEY, { url: '', fields: {} }, { url: 'https://a.example/h' })],
    ];
    const faults: Array<[string, Parameters<MockServer['addFault']>[0], unknown]> = [
      ['401', { status: 401, body: '{"error":true,"message":"Unauthorized"}' }, { kind: 'unauthorized', status: 401 }],
      ['403', { status: 403, body: '{}' }, { kind: 'unauthorized', status: 403 }],
      ['404', { status: 404, body: '{"error":true}' }, { kind: 'notFound', status: 404 }],
      [
        '200 not found',
        { status: 200, body: '{"error":true,"message":"Instance not found"}' },
        { kind: 'notFound', status: 200 },
      ],
      [
        '200 flag',
        { status: 200, body: '{"error":"true","message":"Busy"}' },
        { kind: 'api', status: 200, message: 'Busy' },
      ],
      ['400', { status: 400, body: '{"error":true,"message":"Bad"}' }, { kind: 'api', status: 400, message: 'Bad' }],
      [
        '429',
        { status: 429, body: '{}', headers: { 'Retry-After': '3' } },
        { kind: 'rateLimited', retryAfterMs: 3_000 },
      ],
      [
        '502 HTML',
        { status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' },
        { kind: 'server', status: 502 },
      ],
      [
        '302',
        { status: 302, body: '', headers: { Location: 'https://elsewhere.example/' } },
        { kind: 'redirect', status: 302 },
      ],
      [
        'not JSON',
        { status: 200, body: 'OK', contentType: 'text/plain' },
        { kind: 'badPayload', status: 200, reason: 'notJson' },
      ],
    ];
    for (const [name, endpoint] of endpoints) {
      it(`${name}: statuses, flags and bodies`, async () => {
        mock.setConnected(KEY, true);
        for (const [label, fault, error] of faults) {
          mock.addFault(fault);
          const { result, reply } = await callKeepingReply(client(), endpoint());
          // A write answered "OK" in plain text succeeded; the read-back that follows every write confirms it.
          const expected =
            name === 'configWebhook' && label === 'not JSON' ? { ok: true, value: '' } : { ok: false, error };
          assert.deepEqual(result, expected, `${name} ${label}`);
          assert.equal(reply?.text, fault.body, `${name} ${label}: the reply is kept as received`);
        }
      });

      it(`${name}: timeout, reset, oversized, refused, cancelled, and nothing sent without a valid key or token`, async () => {
        mock.addFault({ hang: true });
        const slow = await client({ timeoutMs: 300 }).call(endpoint());
        assert.deepEqual(slow, { ok: false, error: { kind: 'timeout', seconds: 0 } });
        mock.addFault({ status: 200, resetMidBody: true });
        const reset = await client().call(endpoint());
        assert.ok(!reset.ok && reset.error.kind === 'network', JSON.stringify(reset));
        mock.addFault({ status: 200, bigBodyBytes: 3 * 1024 * 1024 });
        const big = await client().call(endpoint());
        assert.ok(!big.ok && big.error.kind === 'badPayload' && big.error.reason === 'tooLarge');
        const port = await freePort();
        const refused = await client({ baseUrl: `http://127.0.0.1:${port}` }).call(endpoint());
        assert.deepEqual(refused, { ok: false, error: { kind: 'unreachable', code: 'ECONNREFUSED' } });
        mock.addFault({ hang: true });
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 50);
        assert.deepEqual(await client().call(endpoint(), controller.signal), {
          ok: false,
          error: { kind: 'cancelled' },
        });

        const before = mock.requests().length;
        assert.deepEqual(await client({ key: '../admin' }).call(endpoint()), {
          ok: false,
          error: { kind: 'invalidKey' },
        });
        assert.deepEqual(await client({ token: '' }).call(endpoint()), { ok: false, error: { kind: 'noToken' } });
        const insecure = await client({ baseUrl: 'http://megaapi.example' }).call(endpoint());
        assert.deepEqual(insecure, { ok: false, error: { kind: 'insecureHost' } });
        assert.equal(mock.requests().length, before);
      });
    }
  });

  it('maps a wrong token and an unknown key the same way as the other calls', async () => {
    const wrong = await client({ token: 'nope' }).call(readWebhookEndpoint(KEY));
    assert.deepEqual(wrong, { ok: false, error: { kind: 'unauthorized', status: 401 } });
    const unknown = await client({ key: 'megastart-nobody' }).call(readWebhookEndpoint('megastart-nobody'));
    assert.deepEqual(unknown, { ok: false, error: { kind: 'notFound', status: 404 } });
  });
});
