import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { InstanceClient } from '../../src/api/client';
import { FetchLike } from '../../src/api/http';
import { parseBaseUrl } from '../../src/core/baseUrl';
import { NUMBER_SETTINGS } from '../../src/core/settingSpecs';
import { Throttle } from '../../src/core/throttle';
import { InstanceRecords } from '../../src/instances/records';
import { PAIRING_ISSUED_AT } from '../../src/qr/pairingThrottle';
import { MapMemento } from './support';

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

describe('the host parser', () => {
  it('refuses empty, encoded or dot path segments, which would send the call elsewhere', () => {
    for (const raw of [
      'https://h//x',
      'https://h/a//b',
      'https://h/%2e%2e/x',
      'https://h/a%2Fb',
      'https://h/a/../b',
      'h\\x',
    ]) {
      assert.deepEqual(parseBaseUrl(raw), { ok: false, reason: 'path' }, raw);
    }
    assert.deepEqual(parseBaseUrl('https://white.label/api/v2/'), { ok: true, value: 'https://white.label/api/v2' });
  });
});

describe('numeric settings', () => {
  it('declare in package.json the same defaults and bounds the code falls back to', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: {
        configuration: { properties: Record<string, { default: number; minimum: number; maximum: number }> };
      };
    };
    for (const [name, spec] of Object.entries(NUMBER_SETTINGS)) {
      const declared = manifest.contributes.configuration.properties[`megaapi.${name}`];
      assert.deepEqual(
        [declared.default, declared.minimum, declared.maximum],
        [spec.fallback, spec.min, spec.max],
        name,
      );
    }
  });
});

describe('the pairing-code throttle', () => {
  const KEY = { baseUrl: 'host', key: 'key' };
  const OTHER = { baseUrl: 'host', key: 'other' };
  it('is shared by every window through globalState: a second window waits too', () => {
    const shared = new MapMemento();
    const first = new Throttle(60_000, new InstanceRecords(shared, PAIRING_ISSUED_AT));
    const second = new Throttle(60_000, new InstanceRecords(shared, PAIRING_ISSUED_AT));
    first.record(KEY, 1_000);
    assert.equal(second.remainingMs(KEY, 31_000), 30_000);
    assert.equal(second.remainingMs(OTHER, 31_000), 0);
    assert.equal(second.remainingMs(KEY, 61_000), 0);
  });

  it('never waits longer than one window, whatever the store holds', () => {
    const shared = new MapMemento();
    void shared.update('megaapi.pairingIssuedAt', { 'host|key': 9e15 });
    assert.equal(new Throttle(60_000, new InstanceRecords(shared, PAIRING_ISSUED_AT)).remainingMs(KEY, 0), 60_000);
  });
});
