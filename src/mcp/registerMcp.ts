// The MCP server: the agent tools for every MCP client (Cursor, Claude Code,
// Codex, Windsurf ...), not only Copilot. The tools are the same objects
// Copilot gets; extension.ts hands them over.
import vscode = require('vscode');
import { AgentTool } from '../core/agentTool';
import { logLine } from '../core/serverText';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { registerSafely } from '../ui/registerSafely';
import { configSnippet } from './mcpConfig';
import { McpHost } from './mcpHost';

export function registerMcp(context: vscode.ExtensionContext, kit: Kit, tools: readonly AgentTool[]): void {
  const t = vscode.l10n.t;
  const host = new McpHost(context, kit, tools);
  context.subscriptions.push(host);

  registerSafely(context, kit.log, COMMANDS.startMcpServer, async () => {
    const { url } = await host.start();
    const copy = t('Copy MCP Server Config');
    const choice = await vscode.window.showInformationMessage(
      t(
        'The MegaAPI MCP server is running at {0}. MCP clients need its config, with a bearer that changes at each start.',
        url,
      ),
      copy,
    );
    if (choice === copy) await vscode.commands.executeCommand(COMMANDS.copyMcpConfig);
  });

  registerSafely(context, kit.log, COMMANDS.stopMcpServer, async () => {
    const stopped = await host.stop();
    void vscode.window.showInformationMessage(
      stopped ? t('The MegaAPI MCP server stopped.') : t('The MegaAPI MCP server is not running.'),
    );
  });

  registerSafely(context, kit.log, COMMANDS.copyMcpConfig, async () => {
    const { url, bearer } = await host.start();
    const note = t(
      'MegaAPI for VS Code: the port and the bearer change each time the server starts; copy this again then. The bearer is a secret: keep it out of files you share.',
    );
    // The clipboard only: never a file in the workspace, where it could be committed.
    await vscode.env.clipboard.writeText(configSnippet(url, bearer, note));
    void vscode.window.showInformationMessage(
      t(
        'MCP server config copied: paste it into your MCP client’s mcpServers. The port and the bearer change at each start, so copy it again after a restart.',
      ),
    );
  });

  if (vscode.workspace.getConfiguration('megaapi').get<unknown>('mcp.autoStart', false) === true) {
    // Not awaited: activation never waits on it.
    host
      .start()
      .catch((thrown: unknown) =>
        kit.log.error(`MCP server did not start: ${logLine(thrown instanceof Error ? thrown.message : thrown)}`),
      );
  }
}
