import * as assert from 'node:assert/strict';
import { Instances } from '../../../src/instances/instances';
import { StatusCache, entryFromResult, entryFromStatus } from '../../../src/instances/statusCache';
import { MapMemento } from '../support';

const instance = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-abc' };

describe('StatusCache', () => {
  it('tells listeners when a state changes and keeps instances on different hosts apart', () => {
    const cache = new Instances(new MapMemento(), {
      get: async () => undefined,
      store: async () => {},
      delete: async () => {},
    });
    let changes = 0;
    const subscription = cache.onDidChange(() => changes++);
    cache.setStatus(instance, { kind: 'noToken' });
    cache.setStatus({ ...instance, baseUrl: 'https://api4.megaapi.com.br' }, { kind: 'checking' });
    assert.equal(cache.status(instance)?.kind, 'noToken');
    cache.forgetStatus(instance);
    assert.equal(cache.status(instance), undefined);
    subscription.dispose();
    cache.forgetStatus(instance);
    cache.setStatus(instance, { kind: 'checking' });
    assert.equal(changes, 3);
  });

  it('keeps the time of the last answer while a new check runs', () => {
    let now = 1000;
    const cache = new StatusCache(() => now);
    cache.set(instance, { kind: 'checking' });
    assert.equal(cache.checkedAt(instance), undefined);
    cache.set(instance, { kind: 'noToken' });
    now = 5000;
    cache.set(instance, { kind: 'checking' });
    assert.equal(cache.checkedAt(instance), 1000);
    cache.set(instance, entryFromStatus({ status: 'connected', connected: true }));
    assert.equal(cache.checkedAt(instance), 5000);
  });

  it('turns a status call into a state: a missing token is its own state, other failures are errors', () => {
    assert.equal(entryFromResult({ ok: true, value: { status: 'connected', connected: true } }).kind, 'connected');
    assert.equal(entryFromResult({ ok: true, value: { status: 'close', connected: false } }).kind, 'disconnected');
    assert.deepEqual(entryFromResult({ ok: false, error: { kind: 'noToken' } }), { kind: 'noToken' });
    assert.deepEqual(entryFromResult({ ok: false, error: { kind: 'server', status: 502 } }), {
      kind: 'error',
      error: { kind: 'server', status: 502 },
    });
  });
});
