import vscode = require('vscode');
import { Calls } from '../api/calls';
import { ApiResult } from '../api/errors';
import { InstanceStatus } from '../api/replies';
import { InstanceRef } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { entryFromResult } from '../instances/statusCache';
import { InstancesTree } from '../sidebar/instancesTree';
import { PanelRegistry } from '../webview/panelRegistry';
import { CONFIRMATIONS } from './confirmations';
import { chooseInstance } from './toolInput';
import { ToolName } from './toolNames';
import { instanceProblemText } from './toolText';

export interface ToolDeps {
  instances: Instances;
  calls: Calls;
  panels: PanelRegistry;
  tree: InstancesTree;
  log: vscode.LogOutputChannel;
}

/** What one tool does, as text, and what VS Code shows while it runs. */
export interface ToolSpec {
  run(input: unknown, signal: AbortSignal): Promise<string>;
  progress?(input: unknown): string;
}

/**
 * Adapts a spec to `vscode.LanguageModelTool`. MegaAPI's failures come back
 * as text in the panel's words, so the model can tell the user what to do;
 * only a fault in the extension rejects (and VS Code rejects a declined
 * confirmation itself). The confirmation body is plain text escaped into
 * markdown: chat renders it as markdown, and keys may hold `_`.
 */
export function asTool(spec: ToolSpec, deps: ToolDeps, name: ToolName): vscode.LanguageModelTool<unknown> {
  const { log } = deps;
  return {
    prepareInvocation: ({ input }) => {
      const confirmation = CONFIRMATIONS[name]?.(input, deps.instances.all(), vscode.l10n.t);
      return {
        invocationMessage: spec.progress?.(input),
        confirmationMessages: confirmation && {
          title: confirmation.title,
          message: new vscode.MarkdownString().appendText(confirmation.message),
        },
      };
    },
    invoke: async ({ input }, token) => {
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      try {
        const text = await spec.run(input, controller.signal);
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
      } catch (thrown) {
        log.error(`Tool ${name} failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
        throw thrown;
      } finally {
        cancelled.dispose();
      }
    },
  };
}

/** Runs `act` on the saved instance the input names, or answers why none fits. */
export async function onSavedInstance(
  input: unknown,
  deps: ToolDeps,
  act: (instance: InstanceRef) => Promise<string>,
): Promise<string> {
  const choice = chooseInstance(input, deps.instances.all());
  return choice.ok ? act(choice.instance) : instanceProblemText(choice.problem, vscode.l10n.t);
}

/** One status call; what it learned becomes the instance's state for the sidebar and the badge. */
export async function checkStatus(
  instance: InstanceRef,
  deps: ToolDeps,
  signal: AbortSignal,
): Promise<ApiResult<InstanceStatus>> {
  const result = await deps.calls.for(instance).getStatus(signal);
  if (result.ok || result.error.kind !== 'cancelled') deps.instances.setStatus(instance, entryFromResult(result));
  return result;
}
