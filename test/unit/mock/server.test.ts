import jsQR from 'jsqr';
import * as assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { MockServer, startMockServer } from '../../mock/server';

const KEY = 'megastart-test0001';
const TOKEN = 'tok-1';

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
