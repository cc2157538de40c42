import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Mock, answering, closeAllEditors, qrTabs, removeInstance, setToken, sleep, waitFor } from './support';

describe('the QR panel', () => {
  let mock: Mock;
  const keys = ['megastart-suite-panel1', 'megastart-suite-panel2'];
  const instances = () => keys.map((key) => mock.instance(key));

  before(async () => {
    mock = await Mock.connect();
    for (const key of keys) await mock.addInstance(key, `${key}-token`);
    for (const instance of instances()) await setToken(instance, `${instance.key}-token`);
    await closeAllEditors();
  });
  afterEach(async () => {
    await closeAllEditors();
    await mock.reset();
  });
  after(async () => {
    for (const instance of instances()) await removeInstance(instance);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('opens exactly one panel per instance, and a second Show QR reveals it', async () => {
    const [first, second] = instances();
    await vscode.commands.executeCommand('megaapi.showQr', { instance: first });
    const [tab] = await waitFor('the QR panel', () => qrTabs().length === 1 && qrTabs());
    assert.match(tab.label, new RegExp(first.key));
    assert.equal(tab.isActive, true);
    await waitFor('the panel to fetch a QR', async () =>
      (await mock.requests(first.key)).some((r) => r.path.includes('qrcode') && r.authorized),
    );

    // Another editor in front: Show QR again must bring the same panel back, not open a second.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: '' }));
    await waitFor('the QR panel to be hidden', () => !qrTabs()[0]?.isActive);
    await vscode.commands.executeCommand('megaapi.showQr', { instance: first });
    await waitFor('the QR panel in front again', () => qrTabs()[0]?.isActive);
    assert.equal(qrTabs().length, 1, 'a second Show QR opened a second panel');

    await vscode.commands.executeCommand('megaapi.showQr', { instance: second });
    const both = await waitFor('a panel for the second instance', () => qrTabs().length === 2 && qrTabs());
    assert.deepEqual(both.map((t) => keys.findIndex((key) => t.label.includes(key))).sort(), [0, 1]);
  });

  it('stops every request for an instance once its panel is closed', async () => {
    const [instance] = instances();
    await vscode.commands.executeCommand('megaapi.showQr', { instance });
    const [tab] = await waitFor('the QR panel', () => qrTabs().length === 1 && qrTabs());
    // While it is open it keeps asking: a QR, then the link status every few seconds.
    await waitFor(
      'a status poll after the QR',
      async () => {
        const paths = (await mock.requests(instance.key)).map((r) => r.path);
        return paths.some((p) => p.includes('qrcode')) && paths.includes(`/rest/instance/${instance.key}`);
      },
      8000,
    );

    await vscode.window.tabGroups.close(tab);
    await waitFor('the panel to close', () => qrTabs().length === 0);
    await sleep(300);
    const atClose = (await mock.requests(instance.key)).length;
    await sleep(6000);
    const after = await mock.requests(instance.key);
    assert.deepEqual(
      after.slice(atClose).map((r) => `${r.method} ${r.path}`),
      [],
      'requests after the panel was closed',
    );
  }).timeout(25_000);

  it('refuses an invalid instance argument with a message, and calls nothing', async () => {
    const before = (await mock.requests()).length;
    const { seen } = await answering([], () => vscode.commands.executeCommand('megaapi.showQr', '../../etc/passwd'));
    assert.deepEqual(
      seen.map((p) => p.kind),
      ['error'],
      `expected one error message, got ${JSON.stringify(seen)}`,
    );
    assert.equal(qrTabs().length, 0);
    assert.equal((await mock.requests()).length, before);
  });
});
