import * as assert from 'node:assert/strict';
import { MockServer, startMockServer } from '../../mock/server';
import { CLOCK, INITIAL_WEBHOOK, INSTANCES, Json, KEY, mockCalls } from './support';

describe('mock MegaAPI webhook endpoints', () => {
  let mock: MockServer;
  const { callJson, control, configWebhook } = mockCalls(() => mock);

  before(async () => {
    mock = await startMockServer({ instances: INSTANCES, now: () => CLOCK });
  });
  beforeEach(() => mock.reset());
  after(() => mock.close());

  it('serves the webhook, and configWebhook changes only the fields it is given', async () => {
    const read = async () => (await callJson(`/rest/webhook/${KEY}`)).body;
    assert.deepEqual(
      await read(),
      { error: false, message: 'Webhook data', webhookData: INITIAL_WEBHOOK },
      'works while unlinked',
    );

    const body = { messageData: { webhookUrl: 'https://abc.trycloudflare.com/t/0123', note: 'ignored' } };
    assert.deepEqual(await callJson(`/rest/webhook/${KEY}/configWebhook`, { body }), {
      status: 200,
      body: { error: false, message: 'Webhook configured' },
    });
    const changed = { ...INITIAL_WEBHOOK, webhookUrl: 'https://abc.trycloudflare.com/t/0123' };
    assert.deepEqual((await read()).webhookData, changed);
    assert.equal((await configWebhook({ webhookEnabled: false })).status, 200);
    assert.deepEqual(mock.webhook(KEY), { ...changed, webhookEnabled: false });
    assert.deepEqual(mock.webhookConfigs(KEY), [body, { messageData: { webhookEnabled: false } }]);

    for (const bad of [
      {},
      { webhookEnabled: 'yes' },
      { webhookUrl: 'abc.example.com/hook' },
      { webhookUrl: 42 },
      { webhookUrl: null },
      { note: 'x' },
    ]) {
      const res = await configWebhook(bad);
      assert.equal(res.status, 400, JSON.stringify(bad));
      assert.equal(res.body.error, true);
    }
    assert.equal(
      (await callJson(`/rest/webhook/${KEY}/configWebhook`, { body: '{}', contentType: 'application/json' })).status,
      400,
    );
    assert.equal(mock.webhookConfigs(KEY).length, 2, 'refused bodies are not recorded');

    const state = (await control('GET', 'state')).body as { instances: Record<string, Json> };
    assert.deepEqual(state.instances[KEY].webhook, mock.webhook(KEY));
    assert.deepEqual(state.instances[KEY].webhookConfigs, mock.webhookConfigs(KEY));
    assert.deepEqual((await control('GET', `instances/${KEY}/webhook`)).body, {
      webhook: mock.webhook(KEY),
      configs: mock.webhookConfigs(KEY),
    });
  });

  it('lets a test stage the webhook, dropping fields set to null and keeping unknown ones', async () => {
    const staged = await control('POST', `instances/${KEY}/webhook`, {
      webhookSecondaryUrl: null,
      webhookByEvents: true,
    });
    const expected = { webhookUrl: INITIAL_WEBHOOK.webhookUrl, webhookEnabled: true, webhookByEvents: true };
    assert.deepEqual(staged, { status: 200, body: { ok: true, webhook: expected } });
    assert.deepEqual((await callJson(`/rest/webhook/${KEY}`)).body.webhookData, expected);
    assert.equal((await control('POST', `instances/${KEY}/webhook`, { webhookEnabled: 'no' })).status, 400);
    assert.equal((await control('POST', `instances/${KEY}/webhook`, [])).status, 400);
    assert.equal((await control('GET', 'instances/megastart-nope/webhook')).status, 404);

    mock.setWebhook(KEY, { webhookUrl: '' });
    assert.equal(mock.webhook(KEY).webhookUrl, '');
    assert.throws(() => mock.setWebhook(KEY, { webhookUrl: 'not a url' }), /http\(s\) URL/);
    assert.deepEqual(mock.webhookConfigs(KEY), [], 'staging is not an API call');
  });
});
