import * as vscode from 'vscode';
import { InstancesTree } from '../views/instancesTree';
import { chooseInstance } from './chooseInstance';
import { ResolveDeps, resolveInstance } from './resolveInstance';

/** The sidebar's own commands: add an instance to the list, and check states again. */
export function registerInstanceCommands(context: vscode.ExtensionContext, deps: ResolveDeps & { tree: InstancesTree }): void {
  const t = vscode.l10n.t;
  const { tree } = deps;
  context.subscriptions.push(
    vscode.commands.registerCommand('megaapi.addInstance', async () => {
      // Saving it is resolveInstance's work (InstanceStore.touch); the tree follows the store.
      const instance = await resolveInstance(undefined, deps);
      if (instance) await tree.refreshOne(instance);
    }),
    vscode.commands.registerCommand('megaapi.refreshInstances', () => tree.refreshAll()),
    vscode.commands.registerCommand('megaapi.refreshStatus', async (arg?: unknown) => {
      const instance = await chooseInstance(arg, deps, t('Refresh the status of which instance?'));
      if (instance) await tree.refreshOne(instance);
    }),
  );
}
