import { createServer } from 'node:net';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Mock, answering, api, linkedInstance } from '../vscode/suite/support';

/**
 * What the soak keeps running besides the faulted QR panel: the health watch
 * at its shortest interval, one linked instance listening for webhook events
 * (the receiver's address typed as a tunnel's would be), and the MCP server.
 */
export interface Scene {
  /** The receiver's origin (`http://127.0.0.1:<port>`) and the listening instance's secret path. */
  receiver: string;
  path: string;
  mcp: { url: string; bearer: string };
}

export const WATCH_SECONDS = 15;

export function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    }),
  );
}

export async function setUpScene(mock: Mock, key: string, token: string): Promise<Scene> {
  const config = () => vscode.workspace.getConfiguration('megaapi');
  const port = await freePort();
  const global = vscode.ConfigurationTarget.Global;
  await config().update('allowInsecureHttp', true, global);
  await config().update('events.port', port, global);
  await config().update('watch.intervalSeconds', WATCH_SECONDS, global);

  const instance = await linkedInstance(mock, key, token);
  const receiver = `http://127.0.0.1:${port}`;
  const listen = await answering(
    [receiver],
    () => vscode.commands.executeCommand('megaapi.listenEvents', { instance }),
    {
      notifications: 'dismiss',
    },
  );
  const tapped = String(((await mock.webhook(key)) as Record<string, unknown>).webhookSecondaryUrl ?? '');
  if (!tapped.startsWith(`${receiver}/megaapi/`)) {
    throw new Error(`Listen did not tap the webhook: ${JSON.stringify(listen.seen)}`);
  }

  await answering([], () => vscode.commands.executeCommand('megaapi.startMcpServer'), { notifications: 'dismiss' });
  await answering([], () => vscode.commands.executeCommand('megaapi.copyMcpConfig'), { notifications: 'dismiss' });
  const copied = JSON.parse(await vscode.env.clipboard.readText()) as {
    mcpServers: { megaapi: { url: string; headers: { Authorization: string } } };
  };
  await vscode.env.clipboard.writeText('');
  const { url, headers } = copied.mcpServers.megaapi;
  return {
    receiver,
    path: new URL(tapped).pathname,
    mcp: { url, bearer: headers.Authorization.slice('Bearer '.length) },
  };
}

export async function tearDownScene(mock: Mock, key: string): Promise<void> {
  const run = (command: string) =>
    answering([], () => vscode.commands.executeCommand(command, { instance: mock.instance(key) }), {
      notifications: 'dismiss',
    });
  await run('megaapi.stopListening');
  await run('megaapi.stopMcpServer');
  const config = vscode.workspace.getConfiguration('megaapi');
  for (const name of ['allowInsecureHttp', 'events.port']) {
    await config.update(name, undefined, vscode.ConfigurationTarget.Global);
  }
  // Off again, as the runner's settings have it.
  await config.update('watch.intervalSeconds', 0, vscode.ConfigurationTarget.Global);
}

/** The MCP `tools/list` a client with the copied config gets: the tool names. */
export async function mcpToolNames(mcp: Scene['mcp']): Promise<string[]> {
  const client = new Client({ name: 'megaapi-soak', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(mcp.url), {
      requestInit: { headers: { Authorization: `Bearer ${mcp.bearer}` } },
    }),
  );
  try {
    return (await client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await client.close();
  }
}

/** The labels of the listening instance's rows in the Webhook Events view, newest first. */
export async function eventLabels(key: string): Promise<string[]> {
  const tree = (await api()).eventsTree;
  const node = ((await tree.getChildren()) ?? []).find((item) => item.label === key);
  const rows = node ? ((await tree.getChildren(node)) ?? []) : [];
  return rows.map((row) => String(typeof row.label === 'object' ? row.label.label : row.label));
}
