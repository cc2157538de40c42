import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startMockServer } from '../../mock/server';

const ID = 'megaapi-community.megaapi-vscode';

interface SuiteMock {
  url: string;
  requests(): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * `npm run test:vscode` starts the mock MegaAPI as its own process and passes
 * its URL in MEGAAPI_MOCK_URL; the "Extension Tests" launch configuration
 * passes nothing, so the suite then starts one inside the extension host.
 */
async function mockMegaApi(): Promise<SuiteMock> {
  const url = process.env.MEGAAPI_MOCK_URL;
  if (url) {
    return {
      url,
      requests: async () => {
        const response = await fetch(`${url}/__mock/requests`);
        assert.ok(response.ok, `mock GET /__mock/requests: HTTP ${response.status}`);
        return (await response.json()) as unknown[];
      },
      close: async () => undefined,
    };
  }
  const server = await startMockServer({ instances: [{ key: 'megastart-exthost1', token: 'exthost-token' }] });
  return { url: server.url, requests: async () => server.requests(), close: () => server.close() };
}

describe('inside a VS Code extension host', () => {
  let mock: SuiteMock;

  before(async () => {
    mock = await mockMegaApi();
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
    const contributed = (extension.packageJSON.contributes.commands as Array<{ command: string }>).map(
      (c) => c.command,
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((c) => !registered.has(c)),
      [],
    );
    assert.equal((await mock.requests()).length, 0);
  });

  it('refuses an invalid instance argument with a message, not an exception', async () => {
    await vscode.commands.executeCommand('megaapi.showQr', '../../etc/passwd');
    assert.equal((await mock.requests()).length, 0);
  });

  it('keeps the token out of the settings', () => {
    const settings = JSON.stringify(vscode.workspace.getConfiguration('megaapi'));
    assert.ok(!settings.includes('exthost-token'));
  });
});
