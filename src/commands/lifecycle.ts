import * as vscode from 'vscode';
import { InstanceApi } from '../api/instanceApi';
import { ApiResult } from '../api/errors';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../instance';
import { StatusCache } from '../state/statusCache';
import { describeError } from '../ui/errorText';
import { InstancesTree } from '../views/instancesTree';
import { PanelRegistry } from '../webview/panelRegistry';
import { chooseInstance } from './chooseInstance';
import { ResolveDeps } from './resolveInstance';

export interface LifecycleDeps extends ResolveDeps {
  api: InstanceApi;
  cache: StatusCache;
  panels: PanelRegistry;
  tree: InstancesTree;
}

/** Logout (unlink the phone), Restart and Remove: each undoes something the user may want, so each asks first, in a modal. */
export function registerLifecycleCommands(context: vscode.ExtensionContext, deps: LifecycleDeps): void {
  const t = vscode.l10n.t;
  const { api } = deps;
  context.subscriptions.push(
    vscode.commands.registerCommand('megaapi.logout', async (arg?: unknown) => {
      const instance = await chooseInstance(arg, deps, t('Log out which instance?'));
      if (!instance || !(await confirm(t('Log out {0}? The phone is unlinked and must scan a new QR code to link again.', instance.key), t('Log Out')))) return;
      const result = await progress(t('Logging out {0}…', instance.key), () => api.call(instance, 'Logout', (client) => client.logout(instance.key)));
      await report(result, instance, 'megaapi.logout', t('{0} was logged out.', instance.key), deps);
    }),
    vscode.commands.registerCommand('megaapi.restart', async (arg?: unknown) => {
      const instance = await chooseInstance(arg, deps, t('Restart which instance?'));
      if (!instance || !(await confirm(t('Restart {0}? It is offline for a moment while it restarts.', instance.key), t('Restart')))) return;
      const result = await progress(t('Restarting {0}…', instance.key), () => api.call(instance, 'Restart', (client) => client.restart(instance.key)));
      await report(result, instance, 'megaapi.restart', t('{0} was restarted.', instance.key), deps);
    }),
    vscode.commands.registerCommand('megaapi.removeInstance', async (arg?: unknown) => {
      const instance = await chooseInstance(arg, deps, t('Remove which instance?'));
      const detail = t('The instance itself stays as it is in MegaAPI; only this list and the stored token are affected.');
      if (!instance || !(await confirm(t('Remove {0} from the list and forget its token?', instance.key), t('Remove'), detail))) return;
      // The panel goes first: it would otherwise react to the token's removal by asking for one.
      deps.panels.get(instance)?.dispose();
      await deps.instances.remove(instance.baseUrl, instance.key);
      await deps.tokens.delete(instance.baseUrl, instance.key);
      deps.cache.delete(instance);
      void vscode.window.showInformationMessage(t('{0} was removed from the list.', instance.key));
    }),
  );
}

async function confirm(question: string, button: string, detail?: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, button)) === button;
}

function progress<T>(title: string, task: () => Thenable<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
}

/** Says how it went, then lets the open panel and the tree catch up with the instance's new state. */
async function report(result: ApiResult<string>, instance: InstanceRef, command: string, done: string, deps: LifecycleDeps): Promise<void> {
  const t = vscode.l10n.t;
  // The panel checks the status before it asks for a new QR.
  deps.panels.get(instance)?.refresh();
  const checked = deps.tree.refreshOne(instance);
  if (result.ok) {
    void vscode.window.showInformationMessage(result.value ? `${done} ${t('MegaAPI answered: {0}', result.value)}` : done);
  } else {
    const error = describeError(result.error, { host: hostOf(instance.baseUrl), key: instance.key }, t);
    const setToken = t('Set Token');
    const retry = t('Retry');
    const buttons = [...(error.actions.includes('setToken') ? [setToken] : []), ...(error.actions.includes('retry') ? [retry] : [])];
    void vscode.window.showErrorMessage(error.message, ...buttons).then((choice) => {
      // Retry runs the command again, confirmation included: the instance may have changed meanwhile.
      if (choice === setToken) void vscode.commands.executeCommand('megaapi.setToken', { instance });
      if (choice === retry) void vscode.commands.executeCommand(command, { instance });
    });
  }
  await checked;
}
