import * as assert from 'node:assert/strict';
import { MockServer, startMockServer } from '../../mock/server';

const KEY = 'megastart-test0001';
const TOKEN = 'tok-1';
const INITIAL_WEBHOOK = {
  webhookUrl: 'https://example.com/hooks/megaapi-original',
  webhookEnabled: true,
  webhookSecondaryUrl: 'https://example.com/hooks/megaapi-secondary',
};

type Json = Record<string, unknown>;

describe('mock MegaAPI after-link endpoints', () => {
  const clock = 1_700_000_123_456;
  let mock: MockServer;

  /** A JSON body gets the Content-Type MegaAPI's own examples send; a string body is sent as given, with none. */
  const call = (path: string, init: { method?: string; token?: string; body?: unknown; contentType?: string } = {}) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${init.token ?? TOKEN}` };
    const raw = typeof init.body === 'string';
    if (init.contentType !== undefined) headers['Content-Type'] = init.contentType;
    else if (init.body !== undefined && !raw) headers['Content-Type'] = 'application/json';
    const body = init.body === undefined ? undefined : raw ? (init.body as string) : JSON.stringify(init.body);
    return fetch(mock.url + path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  };
  const callJson = async (path: string, init?: Parameters<typeof call>[1]) => {
    const res = await call(path, init);
    return { status: res.status, body: (await res.json()) as Json };
  };
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${mock.url}/__mock/${path}`, {
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

  before(async () => {
    mock = await startMockServer({
      instances: [
        { key: KEY, token: TOKEN },
        { key: 'megacode-other', token: 'tok-2' },
      ],
      now: () => clock,
    });
  });
  beforeEach(() => mock.reset());
  after(() => mock.close());

  it('sends a text to a person or a group once linked, and records it', async () => {
    assert.deepEqual(await send({ to: '5511999999999', text: 'hi' }), {
      status: 200,
      body: { error: true, message: 'Instance not connected' },
    });
    assert.deepEqual(mock.sentMessages(KEY), []);

    mock.setConnected(KEY, true);
    const person = await send({ to: '5511999999999', text: 'Olá 👋' });
    assert.equal(person.status, 200);
    const { key, ...rest } = person.body as { key: { id: string } } & Json;
    assert.deepEqual(rest, { error: false, message: 'Message sent', messageTimestamp: Math.floor(clock / 1000) });
    assert.match(key.id, /^3EB0[0-9A-F]{16}$/);
    assert.deepEqual(key, { remoteJid: '5511999999999@s.whatsapp.net', fromMe: true, id: key.id });

    const group = await send({ to: '120363000000000001@g.us', text: 'to the group' });
    assert.equal((group.body.key as Json).remoteJid, '120363000000000001@g.us');

    const expected = [
      { to: '5511999999999', text: 'Olá 👋', id: key.id, time: clock },
      { to: '120363000000000001@g.us', text: 'to the group', id: (group.body.key as Json).id, time: clock },
    ];
    assert.deepEqual(mock.sentMessages(KEY), expected);
    assert.deepEqual((await control('GET', `instances/${KEY}/messages`)).body, { messages: expected });
    const state = (await control('GET', 'state')).body as { instances: Record<string, Json> };
    assert.deepEqual(state.instances[KEY].sentMessages, expected);
    assert.deepEqual(mock.sentMessages('megacode-other'), [], 'messages are per instance');
  });

  it('refuses a bad send body with 400 whatever the link, and records nothing', async () => {
    const path = `/rest/sendMessage/${KEY}/text`;
    const good = JSON.stringify({ messageData: { to: '5511999999999', text: 'hi' } });
    const refusals: [string, Parameters<typeof call>[1]][] = [
      ['fetch default text/plain', { body: good }],
      ['form content type', { body: good, contentType: 'application/x-www-form-urlencoded' }],
      ['not JSON', { body: '{"messageData":', contentType: 'application/json' }],
      ['no body', { method: 'POST', contentType: 'application/json' }],
      ['no messageData', { body: { to: '5511999999999', text: 'hi' } }],
      ['messageData not an object', { body: { messageData: 'hi' } }],
    ];
    for (const to of [
      '+5511999999999',
      '5511999999999@s.whatsapp.net',
      '123',
      '5511999999999123456',
      'abc@g.us',
      55119999999,
    ]) {
      refusals.push([`to ${String(to)}`, { body: { messageData: { to, text: 'hi' } } }]);
    }
    for (const text of ['', '   ', 42, undefined]) {
      refusals.push([`text ${String(text)}`, { body: { messageData: { to: '5511999999999', text } } }]);
    }

    for (const connected of [false, true]) {
      mock.setConnected(KEY, connected);
      for (const [label, init] of refusals) {
        const { status, body } = await callJson(path, init);
        assert.equal(status, 400, label);
        assert.equal(body.error, true, label);
        assert.equal(typeof body.message, 'string', label);
      }
    }
    const huge = await callJson(path, { body: { messageData: { to: '5511999999999', text: 'x'.repeat(1 << 20) } } });
    assert.deepEqual(huge, { status: 413, body: { error: true, message: 'Request body too large' } });
    assert.equal((await callJson(path, { body: good, contentType: 'application/json; charset=utf-8' })).status, 200);
    assert.equal(mock.sentMessages(KEY).length, 1);
  });

  it('checks the key before the token on every new route, and 404s a wrong method', async () => {
    const routes: ((key: string) => { path: string; body?: unknown })[] = [
      (key: string) => ({
        path: `/rest/sendMessage/${key}/text`,
        body: { messageData: { to: '5511999999999', text: 'hi' } },
      }),
      (key: string) => ({ path: `/rest/instance/isOnWhatsApp/${key}?jid=5511999999999@s.whatsapp.net` }),
      (key: string) => ({ path: `/rest/webhook/${key}` }),
      (key: string) => ({
        path: `/rest/webhook/${key}/configWebhook`,
        body: { messageData: { webhookEnabled: false } },
      }),
      (key: string) => ({ path: `/rest/group/list/${key}` }),
    ];
    for (const route of routes) {
      const unknown = route('megastart-nope');
      assert.deepEqual(await callJson(unknown.path, { body: unknown.body }), {
        status: 404,
        body: { error: true, message: 'Instance not found' },
      });
      const known = route(KEY);
      const wrong = await callJson(known.path, { body: known.body, token: 'tok-2' });
      assert.deepEqual(wrong, { status: 401, body: { error: true, message: 'Unauthorized' } }, known.path);
    }
    assert.deepEqual(mock.webhookConfigs(KEY), [], 'a refused call changes nothing');
    for (const [method, path] of [
      ['GET', `/rest/sendMessage/${KEY}/text`],
      ['POST', `/rest/webhook/${KEY}`],
      ['GET', `/rest/webhook/${KEY}/configWebhook`],
      ['GET', `/rest/group/list`],
    ]) {
      assert.deepEqual(
        await callJson(path, { method }),
        { status: 404, body: { error: true, message: 'Not found' } },
        `${method} ${path}`,
      );
    }
  });

  it('knows the default number, the linked user and added numbers on WhatsApp', async () => {
    assert.deepEqual((await onWhatsApp('5511999999999@s.whatsapp.net')).body, {
      error: true,
      message: 'Instance not connected',
    });
    await control('POST', `instances/${KEY}/connect`, { id: '5511987654321@s.whatsapp.net' });

    const answer = (jid: string, exists: boolean) => ({ status: 200, body: { error: false, exists, jid } });
    assert.deepEqual(await onWhatsApp('5511999999999@s.whatsapp.net'), answer('5511999999999@s.whatsapp.net', true));
    assert.deepEqual(await onWhatsApp('5511987654321@s.whatsapp.net'), answer('5511987654321@s.whatsapp.net', true));
    assert.deepEqual(
      await onWhatsApp('5521912345678'),
      answer('5521912345678@s.whatsapp.net', false),
      'bare digits are read too',
    );

    assert.equal((await control('POST', `instances/${KEY}/numbers`, { number: '5521912345678' })).status, 200);
    mock.addKnownNumber(KEY, '5531900000000');
    assert.equal((await onWhatsApp('5521912345678@s.whatsapp.net')).body.exists, true);
    assert.equal((await onWhatsApp('5531900000000@s.whatsapp.net')).body.exists, true);
    const state = (await control('GET', 'state')).body as { instances: Record<string, Json> };
    assert.deepEqual(state.instances[KEY].knownNumbers, [
      '5511999999999',
      '5521912345678',
      '5531900000000',
      '5511987654321',
    ]);

    for (const jid of ['', '+5511999999999', '5511999999999@c.us', '120363000000000001@g.us', 'abc']) {
      const res = await onWhatsApp(jid);
      assert.equal(res.status, 400, jid);
      assert.equal(res.body.error, true);
    }
    assert.equal((await callJson(`/rest/instance/isOnWhatsApp/${KEY}`)).status, 400, 'no jid at all');
    assert.equal((await control('POST', `instances/${KEY}/numbers`, { number: '+55 11 9' })).status, 400);
    assert.throws(() => mock.addKnownNumber(KEY, '5511'), /10-15 digits/);
  });

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

  it('lists groups once linked', async () => {
    assert.deepEqual((await callJson(`/rest/group/list/${KEY}`)).body, {
      error: true,
      message: 'Instance not connected',
    });
    mock.setConnected(KEY, true);
    assert.deepEqual(await callJson(`/rest/group/list/${KEY}`), {
      status: 200,
      body: { error: false, groups: [{ id: '120363000000000001@g.us', subject: 'Mock Group' }] },
    });
  });

  it('applies faults to the new paths; a replaced answer sends nothing, a delay still does', async () => {
    mock.setConnected(KEY, true);
    mock.addFault({ match: '/sendMessage/', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' });
    mock.addFault({ match: '/sendMessage/', delayMs: 1, headers: { 'X-Mock': 'delayed' } });
    mock.addFault({ match: '/configWebhook', resetMidBody: true });

    const replaced = await call(`/rest/sendMessage/${KEY}/text`, {
      body: { messageData: { to: '5511999999999', text: 'one' } },
    });
    assert.equal(replaced.status, 502);
    assert.equal(await replaced.text(), '<html>Bad Gateway</html>');
    assert.deepEqual(mock.sentMessages(KEY), []);

    const delayed = await call(`/rest/sendMessage/${KEY}/text`, {
      body: { messageData: { to: '5511999999999', text: 'two' } },
    });
    assert.equal(delayed.headers.get('x-mock'), 'delayed');
    assert.equal(((await delayed.json()) as Json).error, false);
    assert.deepEqual(
      mock.sentMessages(KEY).map((m) => m.text),
      ['two'],
    );

    const cut = await call(`/rest/webhook/${KEY}/configWebhook`, { body: { messageData: { webhookEnabled: false } } });
    await assert.rejects(cut.text());
    assert.equal(
      mock.webhook(KEY).webhookEnabled,
      false,
      'a cut reply still ran the route, as when a real reply is lost',
    );
    assert.equal(mock.requests().length, 3, 'faulted requests are logged too');
  });

  it('logs each request body: parsed JSON, raw text cut short, or none', async () => {
    const json = { messageData: { to: '5511999999999', text: 'hi' } };
    await callJson(`/rest/sendMessage/${KEY}/text`, { body: json });
    await callJson(`/rest/sendMessage/${KEY}/text`, {
      body: 'to=5511999999999&text=hi',
      contentType: 'application/x-www-form-urlencoded',
    });
    await callJson(`/rest/webhook/${KEY}/configWebhook`, { body: 'y'.repeat(5000), contentType: 'text/plain' });
    await callJson(`/rest/webhook/${KEY}`);
    await callJson(`/rest/sendMessage/${KEY}/text`, { body: 'z'.repeat((1 << 20) + 10) });

    const log = mock.requests();
    assert.deepEqual(log[0].body, json, 'parsed whatever the content type');
    assert.equal(log[1].body, 'to=5511999999999&text=hi');
    assert.equal(log[2].body, `${'y'.repeat(1024)}… [5000 bytes]`);
    assert.equal('body' in log[3], false, 'no body, no field');
    assert.equal(log[4].body, `${'z'.repeat(1024)}… [${(1 << 20) + 10} bytes]`);
    assert.deepEqual(
      log.map((r) => r.query),
      ['', '', '', '', ''],
    );
    assert.deepEqual((await control('GET', 'requests')).body, log);
  });

  it('puts everything back on reset', async () => {
    mock.setConnected(KEY, true);
    await send({ to: '5511999999999', text: 'hi' });
    await configWebhook({ webhookUrl: 'https://x.example/hook' });
    mock.addKnownNumber(KEY, '5521912345678');
    mock.reset();
    const state = (await control('GET', 'state')).body as { instances: Record<string, Json> };
    const { sentMessages, webhook, webhookConfigs, knownNumbers } = state.instances[KEY];
    assert.deepEqual(
      { sentMessages, webhook, webhookConfigs, knownNumbers },
      {
        sentMessages: [],
        webhook: INITIAL_WEBHOOK,
        webhookConfigs: [],
        knownNumbers: ['5511999999999'],
      },
    );
  });
});
