// The agent tools: one definition per name in toolNames.ts, each a thin layer
// over the base services (checks, remote, calls, feed) and the QR panel it is
// handed. The same definitions serve Copilot (registered here as language-model
// tools) and the MCP server, which extension.ts hands them to. Their code loads
// at the first call of a tool (tools/toolSurfaces.ts via src/onFirstUse.ts): the
// names and schemas Copilot reads before that are in package.json.
import vscode = require('vscode');
import { AgentTool } from '../core/agentTool';
import { Kit } from '../ui/kit';
import { onFirstUse } from '../ui/loadOnFirstUse';
import type { QrPanels } from './toolKit';
import { TOOL_NAMES, ToolName } from './toolNames';

/** Registers every tool with Copilot; returns how to reach the built tools, for the MCP server. */
export function registerTools(
  context: vscode.ExtensionContext,
  kit: Kit,
  panels: QrPanels,
): () => readonly AgentTool[] {
  let tools: readonly AgentTool[] | undefined;
  const all = () => (tools ??= onFirstUse().agentTools({ ...kit, panels }));
  const adapters = new Map<ToolName, vscode.LanguageModelTool<unknown>>();
  const adapter = (name: ToolName) => {
    let built = adapters.get(name);
    if (!built) {
      const tool = all().find((candidate) => candidate.name === name);
      if (!tool) throw new Error(`No tool ${name}`);
      built = onFirstUse().asLmTool(tool, kit);
      adapters.set(name, built);
    }
    return built;
  };
  for (const name of TOOL_NAMES) {
    const lazy: vscode.LanguageModelTool<unknown> = {
      prepareInvocation: (options, token) => adapter(name).prepareInvocation?.(options, token),
      invoke: (options, token) => adapter(name).invoke(options, token),
    };
    context.subscriptions.push(vscode.lm.registerTool(name, lazy));
  }
  return all;
}
