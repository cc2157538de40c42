import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MockServer, startMockServer } from '../../mock/server';

const ID = 'megaapi-community.megaapi-vscode';

describe('inside VS Code desktop', () => {
  let mock: MockServer;

  before(async () => {
    mock = await startMockServer({ instances: [{ key: 'megastart-desk1', token: 'desk-token' }] });
    await vscode.workspace.getConfiguration('megaapi').update('baseUrl', mock.url, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('megaapi').update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await mock.close();
  });

  it('registers every command it contributes, without calling MegaAPI on activation', async () => {
    const extension = vscode.extensions.getExtension(ID);
    assert.ok(extension);
    await extension.activate();
    const contributed = (extension.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
    assert.equal(mock.requests().length, 0);
  });

  it('refuses an invalid instance argument with a message, not an exception', async () => {
    await vscode.commands.executeCommand('megaapi.showQr', '../../etc/passwd');
    assert.equal(mock.requests().length, 0);
  });

  it('keeps the token out of the settings', () => {
    const settings = JSON.stringify(vscode.workspace.getConfiguration('megaapi'));
    assert.ok(!settings.includes('desk-token'));
  });
});
