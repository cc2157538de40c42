// The agent tools for each surface: the definitions (toolTable.ts) built once
// from the kit, VS Code's modal that asks before a tool acts, and the adapter to
// Copilot's language-model tools. Loaded on a tool's first use (src/onFirstUse.ts).
import vscode = require('vscode');
import { AgentTool } from '../core/agentTool';
import { logLine } from '../core/serverText';
import { Kit } from '../ui/kit';
import { confirm } from '../ui/notify';
import { SendLimit } from './sendLimit';
import { TOOLS } from './toolTable';
import { Question, ToolDeps, defineTool } from './toolKit';
import { TOOL_NAMES } from './toolNames';

/** Builds every tool once, from the kit and the QR panel; the same objects go to every surface. */
export function agentTools(deps: Omit<ToolDeps, 't' | 'ask' | 'sendLimit'>): AgentTool[] {
  const full: ToolDeps = { ...deps, t: vscode.l10n.t, ask, sendLimit: new SendLimit() };
  return TOOL_NAMES.map((name) => defineTool(name, TOOLS[name](full), full));
}

/**
 * The modal every acting tool waits for. It names who asks, because the
 * person must know which agent wants to act; it is VS Code's own dialog, so
 * no client can answer it, skip it or "always allow" it.
 */
async function ask({ client, title, message }: Question): Promise<boolean> {
  const t = vscode.l10n.t;
  const detail = `${message}\n\n${t('Asked by {0}. An agent can be wrong or misled by what it read: allow only what you asked for.', client)}`;
  return confirm(t('{0} asks: {1}', client, title), t('Allow'), detail);
}

/**
 * Adapts a definition to `vscode.LanguageModelTool`. MegaAPI's failures come
 * back as text in the panel's words, so the model can tell the user what to
 * do; only a fault in the extension rejects. No `confirmationMessages`: the
 * tool's own modal asks (see `ask`), the same for Copilot as for MCP clients,
 * so a chat's "always allow" cannot skip it and nobody is asked twice.
 */
export function asLmTool(tool: AgentTool, kit: Kit): vscode.LanguageModelTool<unknown> {
  const t = vscode.l10n.t;
  return {
    prepareInvocation: ({ input }) => ({ invocationMessage: tool.progress?.(input) }),
    invoke: async ({ input }, token) => {
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      try {
        const text = await tool.invoke(input, { client: t('Copilot (VS Code chat)'), signal: controller.signal });
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
      } catch (thrown) {
        kit.log.error(`Tool ${tool.name} failed: ${logLine(thrown instanceof Error ? thrown.message : thrown)}`);
        throw thrown;
      } finally {
        cancelled.dispose();
      }
    },
  };
}
