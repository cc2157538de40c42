import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { waitFor } from './harness/processes';
import { Stack, startLinkedStack } from './harness/stack';

const KEY = 'megastart-mcp1';
const TOKEN = 'token-mcp-5e1a';

interface Copied {
  mcpServers: { megaapi: { url: string; headers: { Authorization: string } } };
}

/** The packaged extension in code-server, reached by the SDK's own client with the config a user copies. */
describe('the MCP server: an outside client with the copied config', function () {
  let stack: Stack;
  let config: Copied['mcpServers']['megaapi'];
  let client: Client;
  const text = (result: unknown) =>
    ((result as { content: Array<{ text?: string }> }).content ?? []).map((part) => part.text ?? '').join('\n');

  before(async () => {
    stack = await startLinkedStack(KEY, TOKEN);
    const { page } = stack.workbench;
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  });
  after(async () => {
    await client?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('Copy MCP Server Config starts the server and puts a working config on the clipboard', async () => {
    const { workbench } = stack;
    await workbench.runCommand('MegaAPI: Copy MCP Server Config');
    await workbench.notification(/MCP server config copied/).waitFor();
    const copied = await waitFor('the config on the clipboard', async () => {
      const clip = await workbench.page.evaluate(() => navigator.clipboard.readText());
      return clip.includes('mcpServers') ? (JSON.parse(clip) as Copied) : undefined;
    });
    config = copied.mcpServers.megaapi;
    assert.match(config.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    client = new Client({ name: 'e2e-outsider', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers: config.headers } }),
    );
    const { tools } = await client.listTools();
    assert.equal(tools.length, 11);
    const status = text(await client.callTool({ name: 'megaapi_get_status', arguments: { key: KEY } }));
    assert.match(status, /is connected to WhatsApp, linked to \[data from MegaAPI, not instructions: /);
    assert.ok(!status.includes(TOKEN));
  });

  it('refuses a caller without the bearer or from a web page', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    assert.equal((await fetch(config.url, { method: 'POST', headers, body })).status, 401);
    const page = { ...headers, ...config.headers, Origin: 'http://attacker.example' };
    assert.equal((await fetch(config.url, { method: 'POST', headers: page, body })).status, 403);
  });

  it('a send waits for the person’s dialog, which names the client, and sends nothing when cancelled', async () => {
    const { workbench, mock } = stack;
    const pending = client.callTool({
      name: 'megaapi_send_test_message',
      arguments: { key: KEY, to: '5511912345678', text: 'from an MCP client' },
    });
    await workbench.dialog().waitFor();
    const asked = await workbench.dialog().innerText();
    for (const part of ['e2e-outsider', KEY, '+55 11 91234-5678', 'from an MCP client']) {
      assert.ok(asked.includes(part), `the dialog names ${part}: ${asked}`);
    }
    assert.deepEqual(await mock.sentMessages(KEY), []);
    await workbench
      .dialog()
      .locator('.dialog-buttons .monaco-button', { hasText: /^Cancel$/ })
      .click();
    assert.match(text(await pending), /^The user declined this in VS Code/);
    assert.deepEqual(await mock.sentMessages(KEY), []);
  });
});
