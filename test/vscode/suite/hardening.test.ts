import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Mock, answering, removeInstance } from './support';

/** Hardening III, where the row is about VS Code UI: prompts in the flow, and questions before risky changes. */
describe('hardening: a missing token asked in the flow, a new host confirmed', function () {
  this.timeout(60_000);
  let mock: Mock;
  const key = 'megastart-suite-hardening1';
  const token = 'hardening-token-5c1d9e';

  before(async () => {
    mock = await Mock.connect();
    await mock.addInstance(key, token);
    await mock.link(key, { id: '5511987654321@s.whatsapp.net', name: 'Loja Suite' });
  });
  after(async () => {
    await mock.reset();
    await removeInstance(mock.instance(key));
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('Is This Number on WhatsApp? without a token asks for it (masked, naming the host), checks it, then answers', async () => {
    await mock.clearRequests();
    const { seen } = await answering(
      [token, '5511999999999'],
      () => vscode.commands.executeCommand('megaapi.checkNumber', { instance: mock.instance(key) }),
      { notifications: 'dismiss' },
    );
    const box = seen.find((p) => p.kind === 'inputBox')?.inputBox;
    assert.equal(box?.password, true, JSON.stringify(seen));
    assert.match(box?.title ?? '', new RegExp(`${key}.*127\\.0\\.0\\.1:\\d+`));
    assert.ok(
      seen.some((p) => /^Yes: /.test(p.text)),
      `the command did not go on: ${JSON.stringify(seen)}`,
    );
    assert.ok(!seen.some((p) => /No token is stored/.test(p.text)), JSON.stringify(seen));
    const requests = await mock.requests(key);
    assert.ok(requests.length >= 2 && requests.every((r) => r.authorized), JSON.stringify(requests));
  });

  it('Set Host on an instance asks before its token goes to a host never used', async () => {
    const instance = mock.instance(key);
    const elsewhere = 'http://127.0.0.1:1';
    const { seen } = await answering(
      [elsewhere],
      () => vscode.commands.executeCommand('megaapi.setBaseUrl', { instance }),
      { notifications: 'dismiss' },
    );
    const modal = seen.find((p) => p.kind === 'modal');
    assert.ok(modal && /Move the instance/.test(modal.text), JSON.stringify(seen));
    await removeInstance({ baseUrl: elsewhere, key });
  });
});
