import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Mock, answering, iconOf, itemOf, manifest, removeInstance, setToken, treeItems } from './support';

describe('Set Token and Clear Token', () => {
  let mock: Mock;
  const key = 'megastart-suite-tokens';
  const token = 'suite-secret-token-7f3a9c';

  before(async () => {
    mock = await Mock.connect();
    await mock.addInstance(key, token);
    await mock.clearRequests();
  });
  after(async () => {
    await removeInstance(mock.instance(key));
    await mock.reset();
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  const refresh = async () => {
    await vscode.commands.executeCommand('megaapi.refreshStatus', { instance: mock.instance(key) });
    const item = await itemOf(mock.instance(key));
    assert.ok(item, 'the instance is not in the sidebar');
    return item;
  };

  it('asks in a masked box that names the host, checks the token once and keeps it in SecretStorage', async () => {
    const instance = mock.instance(key);
    // Pasted with its "Bearer " prefix, as MegaAPI's panel shows it.
    const seen = await setToken(instance, `Bearer ${token}`);
    const box = seen.find((p) => p.kind === 'inputBox')?.inputBox;
    assert.equal(box?.password, true, 'the token box does not mask what is typed');
    assert.equal(box?.ignoreFocusOut, true, 'the token box closes when focus moves to copy the token');
    assert.match(box?.title ?? '', new RegExp(`${key}.*127\\.0\\.0\\.1:\\d+`), 'the box does not name key and host');
    // SecretStorage refused → the extension keeps it in memory and says so in a warning.
    assert.deepEqual(
      seen.filter((p) => p.kind === 'warning'),
      [],
      'the token was not stored in SecretStorage',
    );

    const checks = await mock.requests(key);
    assert.equal(checks.length, 1, 'the token was checked more or less than once');
    assert.equal(checks[0].authorization, `Bearer ${token}`);

    const item = await refresh();
    assert.equal(item.contextValue, 'instance.disconnected');
    const [, status] = await mock.requests(key);
    assert.equal(status.authorized, true);
  });

  it('keeps the stored token when MegaAPI rejects a new one', async () => {
    const { seen } = await answering(
      ['not-the-token'],
      () => vscode.commands.executeCommand('megaapi.setToken', { instance: mock.instance(key) }),
      { notifications: 'dismiss' },
    );
    assert.deepEqual(
      seen.filter((p) => p.kind === 'error').length,
      1,
      `expected the rejection to be shown: ${JSON.stringify(seen)}`,
    );
    await mock.clearRequests();
    assert.equal((await refresh()).contextValue, 'instance.disconnected');
    assert.deepEqual(
      (await mock.requests(key)).map((r) => r.authorized),
      [true],
    );
  });

  it('refuses what cannot be a token in the box itself, and sends nothing', async () => {
    await mock.clearRequests();
    const other = mock.instance('megastart-suite-tokens-refused');
    const { seen } = await answering(['two words'], () =>
      vscode.commands.executeCommand('megaapi.setToken', { instance: other }),
    );
    const box = seen.find((p) => p.kind === 'inputBox');
    assert.ok(box?.refused, 'the box accepted a token with a space');
    assert.deepEqual(await mock.requests(), []);
    assert.equal(await itemOf(other), undefined, 'an instance without a token was saved');
  });

  it('clears the token from SecretStorage: the item says "no token" and nothing reaches MegaAPI', async () => {
    const instance = mock.instance(key);
    const { seen } = await answering([], () => vscode.commands.executeCommand('megaapi.clearToken', { instance }));
    assert.deepEqual(
      seen.map((p) => p.kind),
      ['information'],
      JSON.stringify(seen),
    );
    await mock.clearRequests();
    const item = await refresh();
    assert.equal(item.contextValue, 'instance.noToken');
    assert.equal(item.description, 'no token');
    assert.equal(iconOf(item).id, 'key');
    assert.deepEqual(await mock.requests(key), [], 'a request went out without a token');

    await setToken(instance, token);
    await mock.clearRequests();
    assert.equal((await refresh()).contextValue, 'instance.disconnected');
    assert.equal((await mock.requests(key))[0]?.authorized, true, 'the token set again is not used');
  });

  it('keeps the token out of every setting, every sidebar item and every request but its header', async () => {
    await mock.clearRequests();
    await refresh();
    const config = vscode.workspace.getConfiguration();
    const names = Object.keys(manifest().contributes.configuration.properties);
    // Every scope: default, user, workspace, folder, and language overrides.
    for (const setting of names.map((name) => JSON.stringify(config.inspect(name)))) {
      assert.ok(!setting.includes(token), `in a setting: ${setting}`);
    }
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('megaapi')).includes(token));

    const items = await treeItems();
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.ok(!JSON.stringify(item).includes(token), `in the sidebar item ${String(item.label)}`);
    }

    const requests = await mock.requests(key);
    assert.ok(requests.length > 0);
    for (const { authorization, ...rest } of requests) {
      assert.equal(authorization, `Bearer ${token}`);
      assert.ok(!JSON.stringify(rest).includes(token), 'the token travelled outside the Authorization header');
    }
  });
});
