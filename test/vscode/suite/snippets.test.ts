import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { Mock, answering, closeAllEditors, linkedInstance, removeInstance, waitFor } from './support';

const TOKEN = 'snippets-token-4d1e';

function sh(script: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', script], { env, timeout: 15_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** Copy Request as Code and New Request File through VS Code's command API; the copied cURL is run against the mock. */
describe('snippets: Copy Request as Code and New Request File', function () {
  this.timeout(60_000);
  let mock: Mock;
  const key = 'megastart-suite-snippets1';

  before(async () => {
    mock = await Mock.connect();
    await linkedInstance(mock, key, TOKEN);
  });
  after(async () => {
    await closeAllEditors();
    await mock.reset();
    await removeInstance(mock.instance(key));
  });

  it('copies a working cURL command that holds no token, and it sends what the extension sends', async () => {
    const instance = mock.instance(key);
    await vscode.env.clipboard.writeText('');
    const { seen } = await answering(
      [],
      () => vscode.commands.executeCommand('megaapi.copyAsCode', { instance, call: 'status', language: 'curl' }),
      { notifications: 'dismiss' },
    );
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /^curl --request GET /m);
    assert.ok(!copied.includes(TOKEN), 'the token is not on the clipboard');
    assert.match(copied, /MEGAAPI_TOKEN/);
    assert.ok(
      seen.some((p) => p.kind === 'information' && /MEGAAPI_TOKEN/.test(p.text)),
      JSON.stringify(seen),
    );

    await vscode.commands.executeCommand('megaapi.refreshStatus', { instance });
    const [own] = (await mock.requests(key)).slice(-1);
    await mock.clearRequests();
    const output = await sh(copied, { ...process.env, MEGAAPI_TOKEN: TOKEN });
    assert.match(output, /"status":"connected"/);
    const [sent] = await mock.requests(key);
    const shape = (r: typeof sent) => [r.method, r.path, r.query, r.authorization, r.contentType, r.accept, r.body];
    assert.deepEqual(shape(sent), shape(own));
  });

  it('asks for a call, then a language, when not told', async () => {
    const instance = mock.instance(key);
    const { seen } = await answering([], () => vscode.commands.executeCommand('megaapi.copyAsCode', { instance }));
    assert.deepEqual(
      seen.map((p) => p.kind),
      ['quickPick'],
      'the call picker, dismissed',
    );
  });

  it('every call in every language stays free of the stored token', async () => {
    const instance = mock.instance(key);
    const calls = ['status', 'qr', 'pairingCode', 'sendText', 'isOnWhatsApp', 'readWebhook', 'setWebhook'];
    const more = ['listGroups', 'groupDetails', 'logout', 'restart'];
    for (const call of [...calls, ...more]) {
      for (const language of ['curl', 'javascript', 'typescript', 'python', 'php', 'http', 'n8n']) {
        await vscode.env.clipboard.writeText('');
        await answering([], () => vscode.commands.executeCommand('megaapi.copyAsCode', { instance, call, language }), {
          notifications: 'dismiss',
        });
        const copied = await vscode.env.clipboard.readText();
        assert.ok(copied.includes('MEGAAPI_TOKEN'), `${call} ${language}: ${copied}`);
        assert.ok(!copied.includes(TOKEN), `${call} ${language} holds the token`);
      }
    }
  });

  it('New Request File opens an untitled .http document with every call, and no token', async () => {
    await vscode.commands.executeCommand('megaapi.newRequestFile', { instance: mock.instance(key) });
    const editor = await waitFor('the request file', () =>
      vscode.window.activeTextEditor?.document.getText().includes('###') ? vscode.window.activeTextEditor : undefined,
    );
    const text = editor.document.getText();
    assert.equal(editor.document.isUntitled, true);
    assert.equal(text.split('\n###\n').length, 11);
    assert.match(text, /Authorization: Bearer \{\{\$processEnv MEGAAPI_TOKEN\}\}/);
    assert.ok(text.includes(`${mock.url}/rest/instance/${key}`));
    assert.ok(!text.includes(TOKEN));
  });
});
