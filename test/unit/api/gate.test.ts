import * as assert from 'node:assert/strict';
import { InstanceClient } from '../../../src/api/client';
import { FetchLike } from '../../../src/api/http';

/** A fetch that records what would have been sent, and answers like MegaAPI's status call. */
function recordingFetch() {
  const sent: string[] = [];
  const fetch: FetchLike = (url) => {
    sent.push(url);
    return Promise.resolve({
      status: 200,
      headers: { get: () => null },
      text: () => Promise.resolve('{"error":false,"instance":{"status":"connected"}}'),
    });
  };
  return { sent, fetch };
}

function client(baseUrl: string, allowInsecureHttp: boolean, fetch: FetchLike, token = 'tok') {
  return new InstanceClient({
    instance: { baseUrl, key: 'megastart-abc' },
    token: () => token,
    policy: () => ({ allowInsecureHttp, timeoutMs: 1_000 }),
    fetch,
  });
}

describe('the one gate every request passes', () => {
  it('refuses a saved plain-http host once allowInsecureHttp is off, and sends nothing', async () => {
    const { sent, fetch } = recordingFetch();
    const refused = await client('http://api.example.com', false, fetch).getStatus();
    assert.deepEqual(refused, { ok: false, error: { kind: 'insecureHost' } });
    assert.deepEqual(sent, []);
    const allowed = await client('http://api.example.com', true, fetch).getStatus();
    assert.ok(allowed.ok);
    assert.equal(sent.length, 1);
  });

  it('lets loopback use plain http (the mock, a tunnel) without the setting', async () => {
    const { sent, fetch } = recordingFetch();
    assert.ok((await client('http://127.0.0.1:3000', false, fetch).getStatus()).ok);
    assert.equal(sent.length, 1);
  });

  it('refuses a host that is not in normal form, a missing token and a bad key, before sending', async () => {
    const { sent, fetch } = recordingFetch();
    const invalid = await client('https://h//x', false, fetch).getStatus();
    assert.deepEqual(invalid, { ok: false, error: { kind: 'invalidHost' } });
    const noToken = await client('https://api2.megaapi.com.br', false, fetch, '').getStatus();
    assert.deepEqual(noToken, { ok: false, error: { kind: 'noToken' } });
    assert.deepEqual(sent, []);
  });

  it('turns a fetch that throws into a value, never a rejection', async () => {
    const broken: FetchLike = () => {
      throw new TypeError('not a function');
    };
    const result = await client('https://api2.megaapi.com.br', false, broken).getQr();
    assert.equal(result.ok, false);
  });
});
