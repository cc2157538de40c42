import vscode = require('vscode');
import { ApiResult } from '../api/errors';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { InstancesTree } from '../sidebar/instancesTree';
import { PanelRegistry } from '../webview/panelRegistry';
import { registerSafely } from './guard';
import { showApiError } from './showApiError';
import { TokenDeps } from './tokens';
import { pickSavedInstance } from './whichInstance';

export interface LifecycleDeps extends TokenDeps {
  panels: PanelRegistry;
  tree: InstancesTree;
}

/** Logout (unlink the phone), Restart and Remove: each undoes something the user may want, so each asks first, in a modal. */
export function registerLifecycleCommands(context: vscode.ExtensionContext, deps: LifecycleDeps): void {
  const t = vscode.l10n.t;
  const { calls, log } = deps;
  registerSafely(context, log, 'megaapi.logout', async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, deps, t('Log out which instance?'));
    const question = (key: string) =>
      t('Log out {0}? The phone is unlinked and must scan a new QR code to link again.', key);
    if (!instance || !(await confirm(question(instance.key), t('Log Out'), hostLine(instance)))) return;
    const result = await progress(t('Logging out {0}…', instance.key), () => calls.for(instance).logout());
    await report(result, instance, 'megaapi.logout', t('{0} was logged out.', instance.key), deps);
  });
  registerSafely(context, log, 'megaapi.restart', async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, deps, t('Restart which instance?'));
    const question = (key: string) => t('Restart {0}? It is offline for a moment while it restarts.', key);
    if (!instance || !(await confirm(question(instance.key), t('Restart'), hostLine(instance)))) return;
    const result = await progress(t('Restarting {0}…', instance.key), () => calls.for(instance).restart());
    await report(result, instance, 'megaapi.restart', t('{0} was restarted.', instance.key), deps);
  });
  registerSafely(context, log, 'megaapi.removeInstance', async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, deps, t('Remove which instance?'));
    const detail = t(
      'The instance itself stays as it is in MegaAPI; only this list and the stored token are affected.',
    );
    const question = (key: string) => t('Remove {0} from the list and forget its token?', key);
    if (!instance || !(await confirm(question(instance.key), t('Remove'), detail))) return;
    // Panels, the sidebar and the status bar follow the change event.
    const { tokenDeleted } = await deps.instances.remove(instance);
    if (tokenDeleted) {
      void vscode.window.showInformationMessage(t('{0} was removed from the list.', instance.key));
      return;
    }
    const retry = t('Retry');
    const choice = await vscode.window.showWarningMessage(
      t(
        '{0} was removed from the list, but the keyring refused to delete its token: it is still stored.',
        instance.key,
      ),
      retry,
    );
    if (choice === retry && !(await deps.instances.clearToken(instance))) {
      void vscode.window.showErrorMessage(
        t('The keyring refused to delete the token for {0}: it is still stored.', instance.key),
      );
    }
  });
}

function hostLine(instance: InstanceRef): string {
  return vscode.l10n.t('Host: {0}', hostOf(instance.baseUrl));
}

async function confirm(question: string, button: string, detail?: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, button)) === button;
}

function progress<T>(title: string, task: () => Thenable<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
}

/** Says how it went, then lets the open panel and the tree catch up with the instance's new state. */
async function report(
  result: ApiResult<string>,
  instance: InstanceRef,
  command: string,
  done: string,
  deps: LifecycleDeps,
): Promise<void> {
  const t = vscode.l10n.t;
  // The panel checks the status before it asks for a new QR.
  deps.panels.get(instance)?.refresh();
  const checked = deps.tree.refreshOne(instance);
  if (result.ok) {
    // The server's words are data: made inert, they cannot become a link or a command.
    const said = serverText(result.value);
    void vscode.window.showInformationMessage(said ? `${done} ${t('MegaAPI answered: {0}', said)}` : done);
  } else {
    void showApiError(result.error, instance, command, deps.log);
  }
  await checked;
}
