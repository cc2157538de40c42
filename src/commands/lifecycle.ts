import * as vscode from 'vscode';
import { InstanceApi } from '../api/instanceApi';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../instance';
import { describeError } from '../ui/errorText';
import { PanelRegistry } from '../webview/panelRegistry';
import { InstancesTree } from '../views/instancesTree';
import { chooseInstance } from './chooseInstance';
import { ResolveDeps } from './resolveInstance';

export interface LifecycleDeps extends ResolveDeps {
  api: InstanceApi;
  panels: PanelRegistry;
  tree: InstancesTree;
}

/** Logout (unlink the phone) and Restart: both disrupt a live instance, so both ask first, in a modal. */
export function registerLifecycleCommands(context: vscode.ExtensionContext, deps: LifecycleDeps): void {
  const t = vscode.l10n.t;
  context.subscriptions.push(
    vscode.commands.registerCommand('megaapi.logout', (arg?: unknown) =>
      run(arg, deps, {
        pick: t('Log out which instance?'),
        question: (key) => t('Log out {0}? The phone is unlinked and must scan a new QR code to link again.', key),
        confirm: t('Log Out'),
        progress: (key) => t('Logging out {0}…', key),
        done: (key) => t('{0} was logged out.', key),
        call: (instance) => deps.api.call(instance, 'Logout', (client) => client.logout(instance.key)),
      }),
    ),
    vscode.commands.registerCommand('megaapi.restart', (arg?: unknown) =>
      run(arg, deps, {
        pick: t('Restart which instance?'),
        question: (key) => t('Restart {0}? It is offline for a moment while it restarts.', key),
        confirm: t('Restart'),
        progress: (key) => t('Restarting {0}…', key),
        done: (key) => t('{0} was restarted.', key),
        call: (instance) => deps.api.call(instance, 'Restart', (client) => client.restart(instance.key)),
      }),
    ),
  );
}

interface Steps {
  pick: string;
  question(key: string): string;
  confirm: string;
  progress(key: string): string;
  done(key: string): string;
  call(instance: InstanceRef): ReturnType<InstanceApi['call']>;
}

async function run(arg: unknown, deps: LifecycleDeps, steps: Steps): Promise<void> {
  const instance = await chooseInstance(arg, deps, steps.pick);
  if (!instance) return;
  const answer = await vscode.window.showWarningMessage(steps.question(instance.key), { modal: true }, steps.confirm);
  if (answer !== steps.confirm) return;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: steps.progress(instance.key) }, () => steps.call(instance));
  if (result.ok) {
    void vscode.window.showInformationMessage(steps.done(instance.key));
  } else {
    void vscode.window.showErrorMessage(describeError(result.error, { host: hostOf(instance.baseUrl), key: instance.key }, vscode.l10n.t).message);
  }
  // The panel checks the status before it asks for a new QR; the tree shows the new state.
  deps.panels.get(instance)?.refresh();
  await deps.tree.refreshOne(instance);
}
