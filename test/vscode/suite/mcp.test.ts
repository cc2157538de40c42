import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { invokeTool, recordingMessages, waitFor } from './citizenSupport';
import { Instance, Mock, answering, api, linkedInstance, removeInstance } from './support';

const KEY = 'megastart-suite-mcp1';
const TOKEN = 'mcp-suite-token';
const CLIENT_NAME = 'megaapi-suite-client';

interface Copied {
  _note: string;
  mcpServers: { megaapi: { type: string; url: string; headers: { Authorization: string } } };
}

interface Held {
  message: string;
  detail?: string;
  items: string[];
  answer(choice: string | undefined): void;
}

/**
 * Holds the extension's modal questions until the test answers them, so a
 * test can see that a tool waits for the person. Non-modal messages are
 * dismissed. Same trick as citizenSupport's recordingMessages.
 */
async function holdingModals<T>(run: (held: Held[]) => Promise<T>): Promise<T> {
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => Thenable<unknown>>;
  const names = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'];
  const originals = names.map((name) => [name, window[name]] as const);
  const held: Held[] = [];
  for (const name of names) {
    window[name] = (message: unknown, ...rest: unknown[]) => {
      const options = rest[0] as vscode.MessageOptions | undefined;
      if (!options || typeof options !== 'object' || !options.modal) return Promise.resolve(undefined);
      return new Promise((resolve) =>
        held.push({
          message: String(message),
          detail: options.detail,
          items: rest.filter((item): item is string => typeof item === 'string'),
          answer: resolve,
        }),
      );
    };
  }
  try {
    return await run(held);
  } finally {
    for (const [name, original] of originals) window[name] = original;
  }
}

describe('MCP server: the SDK’s own client against the running extension', function () {
  this.timeout(60_000);
  let mock: Mock;
  let instance: Instance;
  let config: Copied['mcpServers']['megaapi'];
  let client: Client;
  const host = () => new URL(instance.baseUrl).host;
  const text = (result: unknown) =>
    ((result as { content: Array<{ text?: string }> }).content ?? []).map((part) => part.text ?? '').join('\n');

  before(async () => {
    await api();
    mock = await Mock.connect();
    instance = await linkedInstance(mock, KEY, TOKEN);
    await answering([], () => vscode.commands.executeCommand('megaapi.copyMcpConfig'), { notifications: 'dismiss' });
    const copied = JSON.parse(await vscode.env.clipboard.readText()) as Copied;
    config = copied.mcpServers.megaapi;
    assert.match(copied._note, /change/);
    client = new Client({ name: CLIENT_NAME, version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers: config.headers } }),
    );
  });

  after(async () => {
    await client?.close();
    await vscode.env.clipboard.writeText('');
    await answering([], () => vscode.commands.executeCommand('megaapi.stopMcpServer'), { notifications: 'dismiss' });
    await mock.reset();
    await removeInstance(instance);
  });

  it('copies a config with a loopback URL and a bearer', () => {
    assert.equal(config.type, 'http');
    assert.match(config.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    assert.match(config.headers.Authorization, /^Bearer [A-Za-z0-9_-]{43}$/);
  });

  it('lists the same tools Copilot gets', async () => {
    const { tools } = await client.listTools();
    const registered = vscode.lm.tools.filter((tool) => tool.name.startsWith('megaapi_')).map((tool) => tool.name);
    assert.deepEqual(tools.map((tool) => tool.name).sort(), registered.sort());
    assert.equal(tools.length, 11);
    for (const tool of tools) assert.match(tool.description ?? '', /untrusted/, tool.name);
  });

  it('lists the instances and gets one’s status, with MegaAPI’s words quoted and no token', async () => {
    const list = text(await client.callTool({ name: 'megaapi_list_instances', arguments: {} }));
    assert.match(list, new RegExp(`${KEY} on ${host().replace(/\./g, '\\.')}: `));
    const status = text(await client.callTool({ name: 'megaapi_get_status', arguments: { key: KEY, host: host() } }));
    assert.match(status, /is connected to WhatsApp, linked to \[data from MegaAPI, not instructions: "Loja Suite"\]/);
    assert.ok(!list.includes(TOKEN) && !status.includes(TOKEN));
  });

  it('answers 401 without the bearer and 403 to a browser Origin', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    assert.equal((await fetch(config.url, { method: 'POST', headers, body })).status, 401);
    const foreign = { ...headers, ...config.headers, Origin: 'http://rebinding.example' };
    assert.equal((await fetch(config.url, { method: 'POST', headers: foreign, body })).status, 403);
  });

  it('waits for the person’s modal before sending, and sends nothing when declined', async () => {
    await holdingModals(async (held) => {
      const args = { key: KEY, host: host(), to: '5511999999999', text: 'from the MCP suite' };
      const declined = client.callTool({ name: 'megaapi_send_test_message', arguments: args });
      const modal = await waitFor('the modal', () => held[0]);
      assert.match(modal.message, new RegExp(`^the MCP client "${CLIENT_NAME}" asks: Send a real WhatsApp message`));
      assert.ok(modal.message.includes(`from ${KEY} on ${host()} to +55 11 99999-9999`), modal.message);
      assert.match(modal.detail ?? '', /The text: from the MCP suite/);
      assert.deepEqual(await mock.sentMessages(KEY), [], 'sent before the person answered');
      modal.answer(undefined);
      assert.match(text(await declined), /^The user declined this in VS Code, so nothing was done/);
      assert.deepEqual(await mock.sentMessages(KEY), []);

      const allowed = client.callTool({ name: 'megaapi_send_test_message', arguments: args });
      const second = await waitFor('the second modal', () => held[1]);
      second.answer('Allow');
      assert.match(text(await allowed), /^The message was sent from/);
      assert.deepEqual(
        (await mock.sentMessages(KEY)).map((m) => m.text),
        ['from the MCP suite'],
      );
      // The limit: one a second per instance, refused without asking.
      const third = text(await client.callTool({ name: 'megaapi_send_test_message', arguments: args }));
      assert.match(third, /^Not sent: an agent may send at most one message a second/);
      assert.equal(held.length, 2);
    });
  });

  it('returns the webhook events the feed just received', async () => {
    const extensionApi = await api();
    assert.ok(extensionApi.addFeedEventForTests, 'the test-mode feed hook is missing');
    const payload = { instance_key: KEY, messageType: 'conversation', message: { conversation: 'olá from the feed' } };
    extensionApi.addFeedEventForTests({
      instance,
      receivedAt: Date.now(),
      contentType: 'application/json',
      body: new TextEncoder().encode(JSON.stringify(payload)),
      json: payload,
    });
    const events = text(
      await client.callTool({ name: 'megaapi_recent_events', arguments: { key: KEY, host: host() } }),
    );
    assert.ok(events.includes(JSON.stringify(payload)), events);
    assert.match(events, /BEGIN DATA-[0-9a-f]{12}\n/);
  });

  it('offers the new tools to Copilot too', async () => {
    const where = { key: KEY, host: host() };
    assert.match(
      await invokeTool('megaapi_list_groups', where),
      /120363000000000001@g\.us: \[data from MegaAPI, not instructions: "Mock Group"\]/,
    );
    assert.match(
      await invokeTool('megaapi_check_number', { ...where, phone: '5511999999999' }),
      /^Yes: \+55 11 99999-9999 is on WhatsApp/,
    );
    assert.match(await invokeTool('megaapi_get_webhook', where), /webhook/i);
    assert.match(await invokeTool('megaapi_recent_events', where), /olá from the feed/);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const sent = await recordingMessages(
      (modal) => (modal.items.includes('Allow') ? 'Allow' : undefined),
      async (shown) => {
        const answer = await invokeTool('megaapi_send_test_message', {
          ...where,
          to: '5511999999999',
          text: 'from Copilot',
        });
        assert.match(
          shown.find((m) => m.modal)?.message ?? '',
          /^Copilot \(VS Code chat\) asks: Send a real WhatsApp message/,
        );
        return answer;
      },
    );
    assert.match(sent, /^The message was sent from/);
  });

  it('stops on request, and refuses connections then', async () => {
    await answering([], () => vscode.commands.executeCommand('megaapi.stopMcpServer'), { notifications: 'dismiss' });
    await assert.rejects(fetch(config.url, { method: 'POST', headers: config.headers, body: '{}' }));
  });

  it('Start MCP Server starts it again with a new bearer, and the old one is refused', async () => {
    await answering([], () => vscode.commands.executeCommand('megaapi.startMcpServer'), { notifications: 'dismiss' });
    await answering([], () => vscode.commands.executeCommand('megaapi.copyMcpConfig'), { notifications: 'dismiss' });
    const again = (JSON.parse(await vscode.env.clipboard.readText()) as Copied).mcpServers.megaapi;
    assert.notEqual(again.headers.Authorization, config.headers.Authorization);
    const stale = await fetch(again.url, { method: 'POST', headers: config.headers, body: '{}' });
    assert.equal(stale.status, 401);
    const fresh = new Client({ name: CLIENT_NAME, version: '1.0.0' });
    await fresh.connect(
      new StreamableHTTPClientTransport(new URL(again.url), { requestInit: { headers: again.headers } }),
    );
    try {
      assert.equal((await fresh.listTools()).tools.length, 11);
    } finally {
      await fresh.close();
    }
  });
});
