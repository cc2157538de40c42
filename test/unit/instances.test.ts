import * as assert from 'node:assert/strict';
import { StatusCache, entryFromStatus } from '../../src/state/statusCache';
import { describeInstance } from '../../src/views/describeInstance';
import { english } from './support';

const instance = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-abc' };

describe('the sidebar item of an instance', () => {
  it('shows a connected instance with the account number and name', () => {
    const look = describeInstance(instance, entryFromStatus({ status: 'connected', connected: true, user: { id: '5511987654321:3@s.whatsapp.net', name: 'Loja' } }), english);
    assert.equal(look.description, '+55 11 98765-4321 · Loja');
    assert.equal(look.icon, 'pass-filled');
    assert.equal(look.contextValue, 'instance.connected');
  });

  it('shows other states as the server said them, and unknown until checked', () => {
    assert.equal(describeInstance(instance, entryFromStatus({ status: 'qr_pending', connected: false }), english).description, 'qr_pending');
    const unknown = describeInstance(instance, undefined, english);
    assert.equal(unknown.icon, 'question');
    assert.equal(unknown.contextValue, 'instance.unknown');
  });

  it('turns failures into a short state, never a popup', () => {
    const rejected = describeInstance(instance, { kind: 'error', error: { kind: 'unauthorized', status: 401 } }, english);
    assert.equal(rejected.description, 'token rejected');
    assert.equal(rejected.icon, 'error');
    assert.match(rejected.tooltip.join('\n'), /rejected the token/);
    assert.equal(describeInstance(instance, { kind: 'noToken' }, english).contextValue, 'instance.noToken');
  });

  it('names the host and key in the tooltip', () => {
    const tooltip = describeInstance(instance, undefined, english).tooltip.join('\n');
    assert.match(tooltip, /Instance: megastart-abc/);
    assert.match(tooltip, /Host: api2\.megaapi\.com\.br/);
  });
});

describe('StatusCache', () => {
  it('tells listeners when a state changes and keeps instances on different hosts apart', () => {
    const cache = new StatusCache();
    let changes = 0;
    const subscription = cache.onDidChange(() => changes++);
    cache.set(instance, { kind: 'noToken' });
    cache.set({ ...instance, baseUrl: 'https://api4.megaapi.com.br' }, { kind: 'checking' });
    assert.equal(cache.get(instance)?.kind, 'noToken');
    cache.delete(instance);
    assert.equal(cache.get(instance), undefined);
    subscription.dispose();
    cache.delete(instance);
    assert.equal(changes, 3);
  });
});
