import jsQR from 'jsqr';
import * as assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { MockServer, startMockServer } from '../../mock/server';
import { CLOCK, INITIAL_WEBHOOK, INSTANCES, Json, KEY, TOKEN, mockCalls } from './support';

function decodeQr(dataUrl: string): { text: string; png: PNG } {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
  assert.ok(match, 'qrcode is a PNG data URL');
  const png = PNG.sync.read(Buffer.from(match[1], 'base64'));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(found, 'PNG holds a readable QR code');
  return { text: found.data, png };
}

describe('mock MegaAPI server', () => {
  // A hand-stepped clock lets the time-based rotation be tested without waiting 20 s.
  let clock = 1_000_000;
  let mock: MockServer;

  const call = (path: string, init: { method?: string; token?: string | null; auth?: string } = {}) => {
    const headers: Record<string, string> = {};
    if (init.auth !== undefined) headers.Authorization = init.auth;
    else if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? TOKEN}`;
    return fetch(mock.url + path, { method: init.method ?? 'GET', headers });
  };
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${mock.url}/__mock/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const qr = async () =>
    (await (await call(`/rest/instance/qrcode_base64/${KEY}`)).json()) as {
      error: boolean;
      message: string;
      qrcode?: string;
    };
  // Decoding costs ~50 ms, so once the first test has tied the PNG to its content the others read the content from the log.
  const fetchQrContent = async (): Promise<string> => {
    assert.equal((await qr()).error, false);
    const last = mock.issuedQrs(KEY).at(-1);
    assert.ok(last);
    return last;
  };

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

  it('listens on loopback and serves a scannable black-on-white PNG of the current content', async () => {
    assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const body = await qr();
    assert.equal(body.error, false);
    const { text, png } = decodeQr(body.qrcode ?? '');
    assert.equal(text, mock.currentQr(KEY));
    assert.match(text, new RegExp(`^2@[A-Za-z0-9+/=]+,${KEY},0$`));
    assert.deepEqual([...png.data.subarray(0, 4)], [255, 255, 255, 255], 'quiet zone is white');
    assert.equal((await qr()).qrcode, body.qrcode, 'a repeat inside the window gets the same QR');
    assert.deepEqual(mock.issuedQrs(KEY), [text]);
  });

  it('changes the QR only when its window ends or the rotate route is called', async () => {
    const first = await fetchQrContent();
    clock += 19_999;
    assert.equal(await fetchQrContent(), first);
    clock += 1;
    const second = await fetchQrContent();
    assert.match(second, /,1$/);

    const rotated = (await (await control('POST', `instances/${KEY}/rotate`)).json()) as { currentQr: string };
    assert.notEqual(rotated.currentQr, second);
    assert.equal(await fetchQrContent(), rotated.currentQr);
    assert.deepEqual(mock.issuedQrs(KEY), [first, second, rotated.currentQr]);
  });

  it('checks the instance key before the token, and decodes path segments', async () => {
    const unknown = await call('/rest/instance/megastart-nope', { token: null });
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: true, message: 'Instance not found' });
    assert.equal((await call('/rest/instance/megacode-other')).status, 401, "another instance's token");
    const missing = await call(`/rest/instance/${KEY}`, { token: null });
    assert.equal(missing.status, 401);
    assert.deepEqual(await missing.json(), { error: true, message: 'Unauthorized' });

    await control('POST', 'instances', { key: 'odd key/1', token: 't:x' });
    assert.equal((await call(`/rest/instance/${encodeURIComponent('odd key/1')}`, { token: 't:x' })).status, 200);
    for (const path of ['/', '/rest/instance', `/rest/instance/${KEY}/nope`]) {
      const res = await call(path);
      assert.equal(res.status, 404, path);
      assert.deepEqual(await res.json(), { error: true, message: 'Not found' });
    }
  });

  it('answers "User is already logged in" once connected, and links afresh after logout', async () => {
    const before = await fetchQrContent();
    await control('POST', `instances/${KEY}/connect`, { name: 'Ana' });
    assert.deepEqual(await qr(), { error: true, message: 'User is already logged in' });
    const status = (await (await call(`/rest/instance/${KEY}`)).json()) as {
      instance: { status: string; user?: { name: string; id: string } };
    };
    assert.equal(status.instance.status, 'connected');
    assert.equal(status.instance.user?.name, 'Ana');
    assert.equal(mock.currentQr(KEY), undefined);

    assert.equal((await call(`/rest/instance/${KEY}/logout`, { method: 'DELETE' })).status, 200);
    const after = await fetchQrContent();
    assert.notEqual(after, before);
    assert.match(after, /,0$/);
  });

  it('gives pairing codes only for 10-15 digit phone numbers and records the last one', async () => {
    for (const bad of ['123', '+5511999999999', '5511999999999123456']) {
      const res = await call(`/rest/instance/pairingCode/${KEY}?phoneNumber=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, bad);
    }
    const res = await call(`/rest/instance/pairingCode/${KEY}?phoneNumber=5511999999999`);
    const { pairingCode } = (await res.json()) as { pairingCode: string };
    assert.match(pairingCode, /^[A-Z0-9]{8}$/);
    const state = (await (await control('GET', 'state')).json()) as {
      instances: Record<string, { lastPairingCode?: string }>;
    };
    assert.equal(state.instances[KEY].lastPairingCode, pairingCode);
  });

  it('applies a fault to exactly the next N matching requests, without side effects', async () => {
    const queued = await control('POST', 'faults', {
      match: 'qrcode_base64',
      count: 2,
      status: 502,
      body: '<html>Bad Gateway</html>',
      contentType: 'text/html',
      headers: { 'Retry-After': 7 },
    });
    assert.equal(queued.status, 200);
    assert.equal((await call(`/rest/instance/${KEY}`)).status, 200, 'other paths are not matched');
    for (let i = 0; i < 2; i++) {
      const res = await call(`/rest/instance/qrcode_base64/${KEY}`);
      assert.equal(res.status, 502);
      assert.equal(res.headers.get('content-type'), 'text/html');
      assert.equal(res.headers.get('retry-after'), '7');
      assert.equal(await res.text(), '<html>Bad Gateway</html>');
    }
    assert.deepEqual(mock.issuedQrs(KEY), [], 'a replaced answer issues no QR');
    assert.equal((await qr()).error, false);
    assert.equal((await control('POST', 'faults', { delay: 5 })).status, 400, 'misspelt fields are refused');
  });

  it('can cut a body short, flood it, or hang until close', async () => {
    mock.addFault({ resetMidBody: true });
    const cut = await call(`/rest/instance/${KEY}`);
    await assert.rejects(cut.text());

    mock.addFault({ bigBodyBytes: 200_000 });
    const big = await (await call(`/rest/instance/${KEY}`)).text();
    assert.equal(big.length, 200_000);
    assert.ok(big.startsWith('{"error":false'));

    const own = await startMockServer({ instances: [{ key: KEY, token: TOKEN }] });
    own.addFault({ hang: true });
    const pending = fetch(`${own.url}/rest/instance/${KEY}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    while (own.requests().length === 0) await new Promise((r) => setTimeout(r, 5));
    await own.close();
    await assert.rejects(pending);
  });

  it('delays every answer by delayMs and counts the requests in flight, at most and now', async () => {
    const slow = await startMockServer({ instances: [{ key: KEY, token: TOKEN }], delayMs: 100 });
    try {
      const get = () =>
        fetch(`${slow.url}/rest/instance/${KEY}`, { headers: { Authorization: `Bearer ${TOKEN}` } }).then(
          (r) => r.status,
        );
      const started = performance.now();
      assert.deepEqual(await Promise.all([get(), get(), get()]), [200, 200, 200]);
      assert.ok(performance.now() - started >= 95, 'answered after the delay');
      // The server counts a request out when its response closes, a moment after the client has it.
      const settled = async () => {
        for (let i = 0; i < 100 && slow.concurrency().inFlight > 0; i++) await new Promise((r) => setTimeout(r, 5));
      };
      await settled();
      assert.deepEqual(slow.concurrency(), { inFlight: 0, peak: 3 });
      const route = (method: string) =>
        fetch(`${slow.url}/__mock/concurrency`, { method }).then((r) => r.json() as Promise<unknown>);
      assert.deepEqual(await route('GET'), { inFlight: 0, peak: 3 }, 'control calls are not counted');
      assert.deepEqual(await route('DELETE'), { inFlight: 0, peak: 0 });
      await get();
      await settled();
      assert.deepEqual(slow.concurrency(), { inFlight: 0, peak: 1 });
    } finally {
      await slow.close();
    }
    assert.deepEqual(mock.concurrency(), { inFlight: 0, peak: 0 }, 'no delay and no count by default');
  });

  it('logs /rest requests with the raw Authorization header, and not control calls', async () => {
    await call(`/rest/instance/${KEY}`);
    await call(`/rest/instance/qrcode_base64/${KEY}`, { auth: 'Bearer wrong' });
    await control('GET', 'state');
    const log = mock.requests();
    assert.deepEqual(
      log.map(({ method, path, key, authorized, authorization }) => ({ method, path, key, authorized, authorization })),
      [
        { method: 'GET', path: `/rest/instance/${KEY}`, key: KEY, authorized: true, authorization: `Bearer ${TOKEN}` },
        {
          method: 'GET',
          path: `/rest/instance/qrcode_base64/${KEY}`,
          key: KEY,
          authorized: false,
          authorization: 'Bearer wrong',
        },
      ],
    );
    assert.equal(typeof log[0].time, 'number');
    assert.deepEqual(await (await control('GET', 'requests')).json(), log);
    await control('DELETE', 'requests');
    assert.deepEqual(mock.requests(), []);
  });
});

describe('mock MegaAPI server on the message, webhook and group endpoints', () => {
  let mock: MockServer;
  const { call, callJson, control, send, configWebhook } = mockCalls(() => mock);

  before(async () => {
    mock = await startMockServer({ instances: INSTANCES, now: () => CLOCK });
  });
  beforeEach(() => mock.reset());
  after(() => mock.close());

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
