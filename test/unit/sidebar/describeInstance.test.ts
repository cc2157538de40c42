import * as assert from 'node:assert/strict';
import { StatusEntry, entryFromStatus } from '../../../src/instances/statusCache';
import { describeInstance } from '../../../src/sidebar/describeInstance';
import { english } from '../support';

const instance = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-abc' };
const look = (entry: StatusEntry | undefined) => describeInstance(instance, entry, english);

describe('the sidebar item of an instance', () => {
  it('shows a connected instance with the account number and name, in green', () => {
    const connected = look(
      entryFromStatus({
        status: 'connected',
        connected: true,
        user: { id: '5511987654321:3@s.whatsapp.net', name: 'Loja' },
      }),
    );
    assert.equal(connected.label, 'megastart-abc');
    assert.equal(connected.description, 'Loja · +55 11 98765-4321');
    assert.equal(connected.icon, 'pass-filled');
    assert.equal(connected.iconColor, 'testing.iconPassed');
    assert.equal(connected.contextValue, 'instance.connected');
  });

  it('prefers the verified business name, and formats numbers outside Brazil plainly', () => {
    const user = { id: '14155550123@s.whatsapp.net', name: 'Shop', verifiedName: 'Shop Inc.' };
    assert.equal(
      look(entryFromStatus({ status: 'connected', connected: true, user })).description,
      'Shop Inc. · +14155550123',
    );
    assert.equal(look(entryFromStatus({ status: 'connected', connected: true })).description, 'connected');
  });

  it('shows other states as the server said them', () => {
    const pending = look(entryFromStatus({ status: 'qr_pending', connected: false }));
    assert.equal(pending.description, 'qr_pending');
    assert.equal(pending.icon, 'circle-large-outline');
    assert.equal(pending.contextValue, 'instance.disconnected');
    assert.equal(look(entryFromStatus({ status: 'unknown', connected: false })).description, 'not linked');
  });

  it('is unknown until checked, and spins while checking', () => {
    const unknown = look(undefined);
    assert.equal(unknown.icon, 'question');
    assert.equal(unknown.contextValue, 'instance.unknown');
    assert.match(unknown.tooltip.join('\n'), /not checked yet/);
    const checking = look({ kind: 'checking' });
    assert.equal(checking.icon, 'sync~spin');
    assert.equal(checking.contextValue, 'instance.unknown');
  });

  it('turns failures into a short state with the full reason in the tooltip', () => {
    const rejected = look({ kind: 'error', error: { kind: 'unauthorized', status: 401 } });
    assert.equal(rejected.description, 'token rejected');
    assert.equal(rejected.icon, 'error');
    assert.equal(rejected.contextValue, 'instance.error.unauthorized');
    assert.match(rejected.tooltip.join('\n'), /rejected the token/);
    assert.equal(look({ kind: 'error', error: { kind: 'timeout', seconds: 15 } }).description, 'unreachable');
    assert.equal(look({ kind: 'error', error: { kind: 'notFound', status: 404 } }).description, 'not found');
  });

  it('asks for a token when none is stored', () => {
    const noToken = look({ kind: 'noToken' });
    assert.equal(noToken.icon, 'key');
    assert.equal(noToken.contextValue, 'instance.noToken');
  });

  it('names the host, the key and the time of the last answer in the tooltip', () => {
    const tooltip = describeInstance(instance, undefined, english, '14:05').tooltip.join('\n');
    assert.match(tooltip, /Instance: megastart-abc/);
    assert.match(tooltip, /Host: api2\.megaapi\.com\.br/);
    assert.match(tooltip, /Checked at 14:05/);
  });

  it('never shows a token, even when the object it is given carries one', () => {
    const token = 'secret-token-1234567890';
    const withToken = { ...instance, token };
    const entries: Array<StatusEntry | undefined> = [
      undefined,
      { kind: 'checking' },
      { kind: 'noToken' },
      entryFromStatus({ status: 'connected', connected: true, user: { id: '5511987654321@s.whatsapp.net' } }),
      entryFromStatus({ status: 'disconnected', connected: false }),
      { kind: 'error', error: { kind: 'unauthorized', status: 401 } },
      { kind: 'error', error: { kind: 'notFound', status: 404 } },
    ];
    for (const entry of entries) {
      assert.doesNotMatch(JSON.stringify(describeInstance(withToken, entry, english)), new RegExp(token));
    }
  });

  it('keeps the last answer on the row while it is checked again, says its age when old, and shows a mute', () => {
    const connected = entryFromStatus({
      status: 'connected',
      connected: true,
      user: { id: '5511987654321@s.whatsapp.net' },
    });
    const checking = describeInstance(instance, { kind: 'checking' }, english, '14:05', {
      settled: connected,
      minutesAgo: 5,
    });
    assert.equal(checking.icon, 'sync~spin');
    assert.equal(checking.description, '+55 11 98765-4321 · checked 5 min ago');
    assert.equal(checking.contextValue, 'instance.connected');
    const fresh = describeInstance(instance, connected, english, '14:05', { minutesAgo: 1, muted: true });
    assert.equal(fresh.description, 'muted · +55 11 98765-4321');
    assert.equal(fresh.contextValue, 'instance.connected.muted');
    assert.equal(
      describeInstance(instance, connected, english, '', { minutesAgo: 180 }).description.endsWith('checked 3 h ago'),
      true,
    );
  });
});
