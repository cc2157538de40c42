// The MCP server: the agent tools for every MCP client (Cursor, Claude Code,
// Codex, Windsurf ...), not only Copilot. The tools are the same objects
// Copilot gets; extension.ts hands them over.
import vscode = require('vscode');
import { AgentTool } from '../core/agentTool';
import { logLine } from '../core/serverText';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { onFirstUse } from '../ui/loadOnFirstUse';
import { registerOnFirstUse } from '../ui/registerSafely';
import { McpHost } from './mcpHost';

/** Their code loads at the first call of any of them. */
const MCP_COMMANDS = [COMMANDS.startMcpServer, COMMANDS.stopMcpServer, COMMANDS.copyMcpConfig] as const;

export function registerMcp(context: vscode.ExtensionContext, kit: Kit, tools: () => readonly AgentTool[]): void {
  const host = new McpHost(context, kit, tools);
  context.subscriptions.push(host);

  registerOnFirstUse(context, kit.log, MCP_COMMANDS, () => onFirstUse().registerMcpCommands(context, kit, host));

  if (vscode.workspace.getConfiguration('megaapi').get<unknown>('mcp.autoStart', false) === true) {
    // Not awaited: activation never waits on it.
    host
      .start()
      .catch((thrown: unknown) =>
        kit.log.error(`MCP server did not start: ${logLine(thrown instanceof Error ? thrown.message : thrown)}`),
      );
  }
}
