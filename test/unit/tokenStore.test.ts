import * as assert from 'node:assert/strict';
import { SecretsLike, TokenStore } from '../../src/storage/tokenStore';

class MapSecrets implements SecretsLike {
  readonly values = new Map<string, string>();
  broken = false;
  async get(key: string) {
    if (this.broken) throw new Error('Cannot find a keyring');
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    if (this.broken) throw new Error('Cannot find a keyring');
    this.values.set(key, value);
  }
  async delete(key: string) {
    if (this.broken) throw new Error('Cannot find a keyring');
    this.values.delete(key);
  }
}

describe('TokenStore', () => {
  const host = 'https://api2.megaapi.com.br';

  it('keeps one token per host and instance key, under a stable id', async () => {
    const secrets = new MapSecrets();
    const store = new TokenStore(secrets);
    assert.equal(await store.set(host, 'megastart-a', 'tok-a'), true);
    await store.set('https://api4.megaapi.com.br', 'megastart-a', 'tok-other-host');
    assert.equal(await store.get(host, 'megastart-a'), 'tok-a');
    assert.equal(secrets.values.get('megaapi.token/https://api2.megaapi.com.br/megastart-a'), 'tok-a');
    assert.equal(await store.get(host, 'megastart-b'), undefined);
  });

  it('without a keyring keeps the token in memory for this session and says so', async () => {
    const secrets = new MapSecrets();
    secrets.broken = true;
    const store = new TokenStore(secrets);
    assert.equal(await store.set(host, 'megastart-a', 'tok-a'), false);
    assert.equal(await store.get(host, 'megastart-a'), 'tok-a');
    assert.equal(await new TokenStore(secrets).get(host, 'megastart-a'), undefined, 'gone with the session');
  });

  it('tells listeners which instance changed, and forgets on delete', async () => {
    const store = new TokenStore(new MapSecrets());
    const changed: string[] = [];
    const subscription = store.onDidChange((i) => changed.push(i.key));
    await store.set(host, 'megastart-a', 'tok-a');
    await store.delete(host, 'megastart-a');
    subscription.dispose();
    await store.set(host, 'megastart-b', 'tok-b');
    assert.deepEqual(changed, ['megastart-a', 'megastart-a']);
    assert.equal(await store.get(host, 'megastart-a'), undefined);
  });
});
