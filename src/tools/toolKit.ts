import vscode = require('vscode');
import { InstanceRef } from '../core/instanceRef';
import { Kit } from '../ui/kit';
import { CONFIRMATIONS } from './confirmations';
import { chooseInstance } from './toolInput';
import { ToolName } from './toolNames';
import { instanceProblemText } from './toolText';

/**
 * The QR panel, as far as the tools reach it: they open it, and put a pairing
 * code in it. `extension.ts` wires it to the QR feature's panel registry.
 */
export interface QrPanels {
  show(instance: InstanceRef): void;
  requestPairingCode(instance: InstanceRef, phone: string): void;
}

export interface ToolDeps extends Kit {
  panels: QrPanels;
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
