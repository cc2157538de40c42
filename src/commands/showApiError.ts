import vscode = require('vscode');
import { ApiError } from '../api/errors';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { FixAction, describeError } from '../text/errorText';
import { PANEL_ACTIONS } from '../webview/panelActions';

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
  command: string,
  log: vscode.LogOutputChannel,
  extra: ExtraAction[] = [],
): Promise<void> {
  const t = vscode.l10n.t;
  const text = describeError(error, { host: hostOf(instance.baseUrl), key: instance.key }, t);
  const run =
    (id: string, arg: unknown = { instance }) =>
    () =>
      void vscode.commands.executeCommand(id, arg);
  const fixes: Record<FixAction, () => void> = {
    setToken: run('megaapi.setToken'),
    // Retry runs the command again, confirmation included: the instance may have changed meanwhile.
    retry: run(command),
    editBaseUrl: run('megaapi.setBaseUrl'),
    editKey: run('megaapi.changeInstanceKey'),
    showLog: () => log.show(),
    openSettings: run('workbench.action.openSettings', 'megaapi.allowInsecureHttp'),
  };
  const labels = text.actions.map((action) => PANEL_ACTIONS[action].label(t));
  const choice = await vscode.window.showErrorMessage(text.message, ...labels, ...extra.map((e) => e.label));
  const index = choice === undefined ? -1 : labels.indexOf(choice);
  if (index >= 0) fixes[text.actions[index]]();
  else extra.find((e) => e.label === choice)?.run();
}
