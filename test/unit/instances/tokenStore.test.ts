import * as assert from 'node:assert/strict';
import { Instances } from '../../../src/instances/instances';
import { SecretsLike, TokenStore } from '../../../src/instances/tokenStore';
import { MapMemento, MapSecrets } from '../support';

describe('TokenStore', () => {
  const host = 'https://api2.megaapi.com.br';

  it('keeps one token per host and instance key, under a stable id', async () => {
    const secrets = new MapSecrets();
    const store = new TokenStore(secrets);
    assert.equal(await store.set({ baseUrl: host, key: 'megastart-a' }, 'tok-a'), true);
    await store.set({ baseUrl: 'https://api4.megaapi.com.br', key: 'megastart-a' }, 'tok-other-host');
    assert.equal(await store.get({ baseUrl: host, key: 'megastart-a' }), 'tok-a');
    assert.equal(secrets.values.get('megaapi.token/https://api2.megaapi.com.br/megastart-a'), 'tok-a');
    assert.equal(await store.get({ baseUrl: host, key: 'megastart-b' }), undefined);
  });

  it('without a keyring keeps the token in memory for this session and says so', async () => {
    const secrets = new MapSecrets();
    secrets.broken = true;
    const store = new TokenStore(secrets);
    assert.equal(await store.set({ baseUrl: host, key: 'megastart-a' }, 'tok-a'), false);
    assert.equal(await store.get({ baseUrl: host, key: 'megastart-a' }), 'tok-a');
    assert.equal(
      await new TokenStore(secrets).get({ baseUrl: host, key: 'megastart-a' }),
      undefined,
      'gone with the session',
    );
  });

  it('tells listeners which instance changed, and forgets on delete', async () => {
    const store = new Instances(new MapMemento(), new MapSecrets());
    const changed: string[] = [];
    const subscription = store.onDidChange((c) => changed.push(c.kind === 'token' ? c.instance.key : c.kind));
    await store.setToken({ baseUrl: host, key: 'megastart-a' }, 'tok-a');
    await store.clearToken({ baseUrl: host, key: 'megastart-a' });
    subscription.dispose();
    await store.setToken({ baseUrl: host, key: 'megastart-b' }, 'tok-b');
    assert.deepEqual(changed, ['megastart-a', 'megastart-a']);
    assert.equal(await store.token({ baseUrl: host, key: 'megastart-a' }), undefined);
  });

  it('says when the keyring refused to delete a token, instead of claiming it is gone', async () => {
    const secrets = new MapSecrets();
    const store = new TokenStore(secrets);
    const instance = { baseUrl: host, key: 'megastart-a' };
    await store.set(instance, 'tok-a');
    secrets.broken = true;
    assert.equal(await store.delete(instance), false);
    secrets.broken = false;
    assert.equal(await store.get(instance), 'tok-a', 'still stored, as the user is told');
    assert.equal(await store.delete(instance), true);
  });

  it('reads the keyring once, and again after another window changed the secret', async () => {
    const secrets = new MapSecrets();
    let reads = 0;
    const listeners: Array<(change: { key: string }) => unknown> = [];
    const counting = {
      get: (key: string) => {
        reads++;
        return secrets.get(key);
      },
      store: (key: string, value: string) => secrets.store(key, value),
      delete: (key: string) => secrets.delete(key),
      onDidChange: (listener: (change: { key: string }) => unknown) => {
        listeners.push(listener);
        return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
      },
    };
    const instance = { baseUrl: host, key: 'megastart-a' };
    const id = 'megaapi.token/https://api2.megaapi.com.br/megastart-a';
    secrets.values.set(id, 'tok-1');
    const store = new TokenStore(counting);
    assert.equal(await store.get(instance), 'tok-1');
    assert.equal(await store.get(instance), 'tok-1');
    assert.equal(reads, 1, 'the second call did not wait for the keyring');
    secrets.values.set(id, 'tok-2');
    for (const listener of listeners) listener({ key: id });
    assert.equal(await store.get(instance), 'tok-2');
    store.dispose();
    assert.equal(listeners.length, 0);
  });

  it('shares one keyring read among callers asking at once, and drops a read overtaken by a new token', async () => {
    const answers: Array<(token: string | undefined) => void> = [];
    const slow: SecretsLike = {
      get: () => new Promise((resolve) => answers.push(resolve)),
      store: async () => undefined,
      delete: async () => undefined,
    };
    const store = new TokenStore(slow);
    const instance = { baseUrl: host, key: 'megastart-a' };
    const first = store.get(instance);
    const second = store.get(instance);
    await Promise.resolve();
    assert.equal(answers.length, 1, 'one read for both');
    answers[0]('tok-old');
    assert.deepEqual(await Promise.all([first, second]), ['tok-old', 'tok-old']);

    const fresh = new TokenStore(slow);
    const stale = fresh.get(instance);
    await Promise.resolve();
    await fresh.set(instance, 'tok-new');
    answers[1]('tok-old');
    await stale;
    assert.equal(await fresh.get(instance), 'tok-new', 'the read that started before Set Token does not win');
    assert.equal(answers.length, 2);
  });

  it('lets a keyring change from another window win over a token kept in memory, and says so', async () => {
    const secrets = new MapSecrets();
    const listeners: Array<(change: { key: string }) => unknown> = [];
    const watched: SecretsLike = {
      get: (key) => secrets.get(key),
      store: (key, value) => secrets.store(key, value),
      delete: (key) => secrets.delete(key),
      onDidChange: (listener) => {
        listeners.push(listener);
        return { dispose: () => undefined };
      },
    };
    const instances = new Instances(new MapMemento(), watched);
    const instance = { baseUrl: host, key: 'megastart-a' };
    const heard: string[] = [];
    instances.onDidChange((change) => heard.push(change.kind));
    secrets.broken = true;
    assert.equal(await instances.setToken(instance, 'tok-memory'), false);
    secrets.broken = false;
    heard.length = 0;
    // Another window deletes the token: the keyring's word wins.
    for (const listener of listeners) listener({ key: TokenStore.id(instance) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(await instances.token(instance), undefined);
    assert.deepEqual(heard, ['token'], 'panels waiting for a token hear of the change');
    // Another window sets one.
    secrets.values.set(TokenStore.id(instance), 'tok-elsewhere');
    for (const listener of listeners) listener({ key: TokenStore.id(instance) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(await instances.token(instance), 'tok-elsewhere');
    assert.deepEqual(heard, ['token', 'token']);
    // The echo of this window's own write is not news.
    await instances.setToken(instance, 'tok-mine');
    for (const listener of listeners) listener({ key: TokenStore.id(instance) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(heard, ['token', 'token', 'token']);
  });
});
