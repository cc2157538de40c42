import { AgentTool } from '../core/agentTool';
import { InstanceRef } from '../core/instanceRef';
import { Translate } from '../text/translate';
import { Kit } from '../ui/kit';
import { CONFIRMATIONS, Confirmation } from './confirmations';
import { SendLimit } from './sendLimit';
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

/** What the person is asked before a tool acts, and by whom. */
export interface Question extends Confirmation {
  client: string;
}

/** What the tools are built from. No `vscode` here: the adapters in registerTools.ts hand it in. */
export interface ToolDeps extends Kit {
  panels: QrPanels;
  t: Translate;
  /** Asks the person in VS Code, in a modal; true only when they allow. */
  ask(question: Question): Promise<boolean>;
  sendLimit: SendLimit;
}

/** What one tool does, as text, and how a model calls it. */
export interface ToolSpec {
  description: string;
  inputSchema: Readonly<Record<string, unknown>>;
  progress?(input: unknown): string;
  /** An answer given before anybody is asked (a rate limit); undefined to go on. */
  refuseFirst?(input: unknown): string | undefined;
  run(input: unknown, signal: AbortSignal): Promise<string>;
}

/**
 * One definition, for every surface. A tool that acts (confirmations.ts) asks
 * the person first, in a VS Code modal that names the client, the instance,
 * the host and the action; a client's own confirmation cannot be relied on,
 * and a model's "the user already agreed" is not an answer. Declined, the
 * tool does nothing and says so.
 */
export function defineTool(name: ToolName, spec: ToolSpec, deps: ToolDeps): AgentTool {
  const { t } = deps;
  return {
    name,
    description: spec.description,
    inputSchema: spec.inputSchema,
    progress: (input) => spec.progress?.(input) ?? '',
    invoke: async (input, caller) => {
      const refused = spec.refuseFirst?.(input);
      if (refused !== undefined) return refused;
      const confirmation = CONFIRMATIONS[name]?.(input, deps.instances.all(), t);
      if (confirmation) {
        const allowed = await deps.ask({ client: caller.client, ...confirmation });
        if (!allowed) {
          return t('The user declined this in VS Code, so nothing was done. Do not ask again unless the user says so.');
        }
      }
      if (caller.signal.aborted) return t('The request was cancelled.');
      return spec.run(input, caller.signal);
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
  return choice.ok ? act(choice.instance) : instanceProblemText(choice.problem, deps.t);
}
