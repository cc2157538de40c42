import jsQR from 'jsqr';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { PNG } from 'pngjs';
import { errorFromThrown } from '../../../src/api/errors';
import { parseRetryAfterMs } from '../../../src/core/delay';
import { MockServer, startMockServer } from '../../mock/server';
import { freePort } from '../../shared/ports';
import { connect } from '../support';

const KEY = 'megastart-test1';
const TOKEN = 'tok-3f9a-secret';

function decode(dataUri: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUri.split(',')[1], 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('InstanceClient against the mock MegaAPI', function () {
  this.timeout(10_000);
  let mock: MockServer;
  let client: ReturnType<typeof connect>;

  before(async () => {
    mock = await startMockServer({ instances: [{ key: KEY, token: TOKEN }] });
  });
  after(() => mock.close());
  beforeEach(() => {
    mock.reset();
    client = connect(mock.url, TOKEN, 2_000);
  });

  const faulted = async (fault: Parameters<MockServer['addFault']>[0]) => {
    mock.addFault(fault);
    return client.getQr(KEY);
  };

  it('fetches a QR whose image decodes to what the server issued, sending the Bearer token', async () => {
    const result = await client.getQr(KEY);
    assert.ok(result.ok && result.value.kind === 'qr');
    assert.equal(decode(result.value.image.dataUri), mock.currentQr(KEY));
    const [request] = mock.requests();
    assert.equal(request.authorization, `Bearer ${TOKEN}`);
    assert.equal(request.path, `/rest/instance/qrcode_base64/${KEY}`);
  });

  it('reports "already logged in" as connected, and the status with the account', async () => {
    mock.setConnected(KEY, true);
    const qr = await client.getQr(KEY);
    assert.deepEqual(qr, { ok: true, value: { kind: 'connected' } });
    const status = await client.getStatus(KEY);
    assert.ok(status.ok && status.value.connected && status.value.user?.id.startsWith('5511'));
  });

  it('reads "already logged in" as connected whatever the status and error flag', async () => {
    for (const status of [200, 400, 409, 500]) {
      const result = await faulted({ status, body: '{"error":true,"message":"User is already logged in"}' });
      assert.deepEqual(result, { ok: true, value: { kind: 'connected' } }, String(status));
    }
    const rejected = await faulted({ status: 401, body: '{"error":true,"message":"User is already logged in"}' });
    assert.ok(!rejected.ok && rejected.error.kind === 'unauthorized');
  });

  it('accepts a restart answered with an empty body', async () => {
    mock.addFault({ match: '/restart', status: 200, body: '' });
    assert.deepEqual(await client.restart(KEY), { ok: true, value: '' });
  });

  it('maps a wrong token to unauthorized and an unknown key to notFound', async () => {
    const wrong = await connect(mock.url, 'nope', 2_000).getQr(KEY);
    assert.deepEqual(wrong, { ok: false, error: { kind: 'unauthorized', status: 401 } });
    const forbidden = await faulted({ status: 403, body: '{"error":true,"message":"Forbidden"}' });
    assert.deepEqual(forbidden, { ok: false, error: { kind: 'unauthorized', status: 403 } });
    const unknown = await client.getQr('megastart-nobody');
    assert.deepEqual(unknown, { ok: false, error: { kind: 'notFound', status: 404 } });
  });

  it('treats 200 with "Instance not found" as notFound, and other error flags as the server message', async () => {
    assert.deepEqual(await faulted({ status: 200, body: '{"error":true,"message":"Instance not found"}' }), {
      ok: false,
      error: { kind: 'notFound', status: 200 },
    });
    assert.deepEqual(await faulted({ status: 200, body: '{"error":true,"message":"Instance is busy"}' }), {
      ok: false,
      error: { kind: 'api', status: 200, message: 'Instance is busy' },
    });
  });

  it('reads "error": "true" and other truthy spellings as an error', async () => {
    for (const flag of ['"true"', '1', '"yes"', '" TRUE "']) {
      const result = await faulted({ status: 200, body: `{"error":${flag},"message":"Instance is busy"}` });
      assert.deepEqual(result, { ok: false, error: { kind: 'api', status: 200, message: 'Instance is busy' } }, flag);
    }
  });

  it('reads Retry-After on 429', async () => {
    const result = await faulted({ status: 429, body: '{}', headers: { 'Retry-After': '7' } });
    assert.deepEqual(result, { ok: false, error: { kind: 'rateLimited', retryAfterMs: 7_000 } });
    assert.equal(
      parseRetryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1)),
      30_000,
    );
  });

  it('maps a CDN 502 with an HTML body to a server error', async () => {
    const result = await faulted({
      status: 502,
      body: '<html><body>Bad Gateway</body></html>',
      contentType: 'text/html',
    });
    assert.deepEqual(result, { ok: false, error: { kind: 'server', status: 502 } });
  });

  it('treats an empty qrcode as waiting, not as an error', async () => {
    assert.deepEqual(await faulted({ status: 200, body: '{"error":false,"qrcode":""}' }), {
      ok: true,
      value: { kind: 'waiting' },
    });
  });

  it('refuses a qrcode that is not an image: text, SVG, HTML, truncated', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    const good = await client.getQr(KEY);
    assert.ok(good.ok && good.value.kind === 'qr');
    const truncated = good.value.image.dataUri.slice(0, 200);
    const cases: Array<[string, string]> = [
      ['hello', 'notBase64'],
      [`data:image/svg+xml;base64,${svg}`, 'notImage'],
      ['<img src=x onerror=alert(1)>', 'notBase64'],
      [truncated, 'truncated'],
    ];
    for (const [qrcode, reason] of cases) {
      const result = await faulted({ status: 200, body: JSON.stringify({ error: false, qrcode }) });
      assert.deepEqual(result, { ok: false, error: { kind: 'badPayload', status: 200, reason } }, qrcode.slice(0, 30));
    }
  });

  it('refuses a body that is not JSON, naming the status', async () => {
    assert.deepEqual(await faulted({ status: 200, body: 'OK', contentType: 'text/plain' }), {
      ok: false,
      error: { kind: 'badPayload', status: 200, reason: 'notJson' },
    });
  });

  it('aborts a body over 2 MB', async () => {
    const result = await faulted({ status: 200, bigBodyBytes: 3 * 1024 * 1024 });
    assert.ok(!result.ok && result.error.kind === 'badPayload' && result.error.reason === 'tooLarge');
  });

  it('times out a server that accepts and never answers', async () => {
    client = connect(mock.url, TOKEN, 300);
    const started = Date.now();
    const result = await faulted({ hang: true });
    assert.deepEqual(result, { ok: false, error: { kind: 'timeout', seconds: 0 } });
    assert.ok(Date.now() - started < 2_000);
  });

  it('times out a server that answers later than the timeout', async () => {
    client = connect(mock.url, TOKEN, 300);
    const result = await faulted({ status: 200, delayMs: 5_000 });
    assert.ok(!result.ok && result.error.kind === 'timeout');
  });

  it('maps a connection reset in the middle of the body to a network error', async () => {
    const result = await faulted({ status: 200, resetMidBody: true });
    assert.ok(!result.ok && result.error.kind === 'network', JSON.stringify(result));
  });

  it('maps a refused port to unreachable', async () => {
    const port = await freePort();
    const result = await connect(`http://127.0.0.1:${port}`, TOKEN, 2_000).getQr(KEY);
    assert.deepEqual(result, { ok: false, error: { kind: 'unreachable', code: 'ECONNREFUSED' } });
  });

  it('refuses a host whose TLS certificate is not trusted, naming the problem, and sends nothing', async () => {
    let requests = 0;
    const server = createHttpsServer(
      {
        key: readFileSync('test/fixtures/unit/tls/localhost.key'),
        cert: readFileSync('test/fixtures/unit/tls/localhost.crt'),
      },
      (_req, res) => {
        requests++;
        res.end('{}');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const result = await connect(`https://127.0.0.1:${port}`, TOKEN, 2_000).getQr(KEY);
      assert.deepEqual(result, { ok: false, error: { kind: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } });
      assert.equal(requests, 0, 'no request, so no token, crossed the untrusted connection');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('never follows a redirect, so the token never reaches another origin', async () => {
    const other = await startMockServer({ instances: [{ key: KEY, token: TOKEN }] });
    try {
      const result = await faulted({
        status: 302,
        body: '',
        headers: { Location: `${other.url}/rest/instance/qrcode_base64/${KEY}` },
      });
      assert.deepEqual(result, { ok: false, error: { kind: 'redirect', status: 302 } });
      assert.equal(other.requests().length, 0);
    } finally {
      await other.close();
    }
  });

  it('cancels when asked, without waiting for the server', async () => {
    mock.addFault({ hang: true });
    const controller = new AbortController();
    const pending = client.getQr(KEY, controller.signal);
    setTimeout(() => controller.abort(), 50);
    assert.deepEqual(await pending, { ok: false, error: { kind: 'cancelled' } });
  });

  it('fetches a pairing code for a phone number, and logs out and restarts', async () => {
    const code = await client.getPairingCode(KEY, '5511999999999');
    assert.deepEqual(code, { ok: true, value: mock.lastPairingCode(KEY) });
    mock.setConnected(KEY, true);
    assert.equal((await client.logout(KEY)).ok, true);
    assert.equal((await client.getStatus(KEY)).ok && mock.currentQr(KEY) !== undefined, true);
    assert.equal((await client.restart(KEY)).ok, true);
    const paths = mock.requests().map((r) => `${r.method} ${r.path}`);
    assert.ok(paths.includes(`DELETE /rest/instance/${KEY}/logout`));
    assert.ok(paths.includes(`DELETE /rest/instance/${KEY}/restart`));
  });

  it('refuses an invalid key before sending anything', async () => {
    assert.deepEqual(await client.getQr('../../admin'), { ok: false, error: { kind: 'invalidKey' } });
    assert.equal(mock.requests().length, 0);
  });
});

describe('errors thrown by the network', () => {
  const context = { timedOut: false, cancelled: false, timeoutSeconds: 15 };
  it('name DNS failures and untrusted certificates for what they are', () => {
    assert.deepEqual(errorFromThrown({ code: 'ENOTFOUND' }, context), { kind: 'unreachable', code: 'ENOTFOUND' });
    assert.deepEqual(errorFromThrown({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, context), {
      kind: 'tls',
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    assert.deepEqual(errorFromThrown({ code: 'CERT_HAS_EXPIRED' }, context), { kind: 'tls', code: 'CERT_HAS_EXPIRED' });
    assert.deepEqual(errorFromThrown({ code: 'ECONNRESET' }, context), { kind: 'network', code: 'ECONNRESET' });
  });
});
