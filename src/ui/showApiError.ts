import vscode = require('vscode');
import { ApiError } from '../api/errors';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { describeError } from '../text/errorText';
import { CommandId } from './commandIds';
import { FIX_ACTIONS, performFix } from './fixActions';

/** An action a caller adds after the fixes, such as Show Reply. */
export interface ExtraAction {
  label: string;
  run(): void;
}

/**
 * An API failure as a notification, with the same words and the same fixes
 * (and their labels) as the panel. `command` is what Retry runs again.
 */
export async function showApiError(
  error: ApiError,
  instance: InstanceRef,
  command: CommandId,
  log: vscode.LogOutputChannel,
  extra: ExtraAction[] = [],
): Promise<void> {
  const t = vscode.l10n.t;
  const text = describeError(error, { host: hostOf(instance.baseUrl), key: instance.key }, t);
  const labels = text.actions.map((action) => FIX_ACTIONS[action].label(t));
  const choice = await vscode.window.showErrorMessage(text.message, ...labels, ...extra.map((e) => e.label));
  const index = choice === undefined ? -1 : labels.indexOf(choice);
  if (index < 0) {
    extra.find((e) => e.label === choice)?.run();
    return;
  }
  const run = (id: string, arg: unknown) => void vscode.commands.executeCommand(id, arg);
  performFix(text.actions[index], {
    runCommand: (id) => run(id, { instance }),
    // Retry runs the command again, confirmation included: the instance may have changed meanwhile.
    retry: () => run(command, { instance }),
    showLog: () => log.show(),
    openSetting: (name) => run('workbench.action.openSettings', name),
  });
}
