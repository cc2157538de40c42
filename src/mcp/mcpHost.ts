import vscode = require('vscode');
import { join } from 'node:path';
import { AgentTool } from '../core/agentTool';
import { logLine, serverText } from '../core/serverText';
import { Kit } from '../ui/kit';
import { newBearer } from './mcpAuth';
import { MCP_SERVER_NAME } from './mcpConfig';
import type { RunningMcpServer, StartMcpServer } from './mcpServer';

/** What a running server is reached with. The bearer lives here, in memory, until the server stops. */
export interface McpEndpoint {
  url: string;
  bearer: string;
}

/**
 * Starts and stops the MCP server, and tells VS Code's chat and Cursor where
 * it is. One server per window at most; starting twice gives the same one.
 * Disposing it (the window closing) stops it.
 */
export class McpHost implements vscode.Disposable {
  private running: Promise<{ server: RunningMcpServer; endpoint: McpEndpoint }> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private starts = 0;
  private readonly registrations: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly kit: Kit,
    /** Built on the server's first start, not at activation. */
    private readonly tools: () => readonly AgentTool[],
  ) {
    this.registrations.push(this.changed, ...registerWithVsCodeChat(this));
  }

  readonly onDidChange = this.changed.event;

  /** The endpoint while running (or starting). */
  async current(): Promise<McpEndpoint | undefined> {
    return (await this.running?.catch(() => undefined))?.endpoint;
  }

  version(): string {
    return String(this.starts);
  }

  start(): Promise<McpEndpoint> {
    this.running ??= this.launch().catch((thrown: unknown) => {
      this.running = undefined;
      throw thrown;
    });
    return this.running.then((running) => running.endpoint);
  }

  /** Quiet when the window closes: by then the log channel may be closed too. */
  async stop(quiet = false): Promise<boolean> {
    const running = this.running;
    if (!running) return false;
    this.running = undefined;
    const { server } = await running.catch(() => ({ server: undefined }));
    cursor()?.unregisterServer?.(MCP_SERVER_NAME);
    await server?.close();
    if (quiet) return server !== undefined;
    this.changed.fire();
    this.kit.log.info('MCP server stopped.');
    return server !== undefined;
  }

  dispose(): void {
    this.stop(true).catch(() => undefined);
    for (const registration of this.registrations.splice(0)) registration.dispose();
  }

  private async launch(): Promise<{ server: RunningMcpServer; endpoint: McpEndpoint }> {
    const t = vscode.l10n.t;
    // The SDK is in a bundle of its own, loaded here and not at activation (scripts/build.mjs).
    const load = require as (path: string) => { startMcpServer: StartMcpServer };
    const { startMcpServer } = load(join(this.context.extensionPath, 'dist', 'mcp.js'));
    const bearer = newBearer();
    const server = await startMcpServer({
      tools: this.tools(),
      bearer,
      version: versionOf(this.context),
      clientLabel: (name) =>
        serverText(name, 60) ? t('the MCP client "{0}"', serverText(name, 60)) : t('an MCP client that gave no name'),
      log: (line) => this.kit.log.warn(logLine(line)),
    });
    this.starts += 1;
    const endpoint = { url: server.url, bearer };
    cursor()?.registerServer?.({
      name: MCP_SERVER_NAME,
      server: { url: endpoint.url, headers: { Authorization: `Bearer ${bearer}` } },
    });
    // The port only: the bearer never reaches the log.
    this.kit.log.info(`MCP server listening on 127.0.0.1:${server.port}.`);
    setTimeout(() => this.changed.fire(), 0);
    return { server, endpoint };
  }
}

interface CursorMcp {
  registerServer?(config: { name: string; server: { url: string; headers: Record<string, string> } }): void;
  unregisterServer?(name: string): void;
}

/** Cursor's own API, where it exists (not in VS Code, not in its types). */
function cursor(): CursorMcp | undefined {
  return (vscode as unknown as { cursor?: { mcp?: CursorMcp } }).cursor?.mcp;
}

type HttpDefinition = new (
  label: string,
  uri: vscode.Uri,
  headers?: Record<string, string>,
  version?: string,
) => unknown;

interface LmWithMcp {
  registerMcpServerDefinitionProvider?(
    id: string,
    provider: {
      onDidChangeMcpServerDefinitions: vscode.Event<void>;
      provideMcpServerDefinitions(): Promise<unknown[]>;
      resolveMcpServerDefinition(definition: unknown): unknown;
    },
  ): vscode.Disposable;
}

/** The provider id, as `contributes.mcpServerDefinitionProviders` declares it. */
export const MCP_PROVIDER_ID = 'megaapi.mcp';

/**
 * VS Code's chat finds the server through an MCP server definition provider
 * (VS Code 1.101 and later). The engine stays at 1.95, so the API is looked
 * up at run time; where it is missing, nothing is registered.
 */
function registerWithVsCodeChat(host: McpHost): vscode.Disposable[] {
  const lm = vscode.lm as unknown as LmWithMcp;
  const Definition = (vscode as unknown as { McpHttpServerDefinition?: HttpDefinition }).McpHttpServerDefinition;
  if (typeof lm.registerMcpServerDefinitionProvider !== 'function' || !Definition) return [];
  const provider = {
    onDidChangeMcpServerDefinitions: host.onDidChange,
    provideMcpServerDefinitions: async () => {
      const endpoint = await host.current();
      if (!endpoint) return [];
      const headers = { Authorization: `Bearer ${endpoint.bearer}` };
      return [new Definition('MegaAPI', vscode.Uri.parse(endpoint.url), headers, host.version())];
    },
    resolveMcpServerDefinition: (definition: unknown) => definition,
  };
  try {
    return [lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider)];
  } catch {
    // A VS Code that has the function but refuses the provider: the other ways still work.
    return [];
  }
}

function versionOf(context: vscode.ExtensionContext): string {
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0';
}
