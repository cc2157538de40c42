import vscode = require('vscode');
import { InstancesTree } from '../sidebar/instancesTree';
import { registerSafely } from './guard';
import { WhichDeps, askForInstance, pickSavedInstance } from './whichInstance';

/** The sidebar's own commands: add an instance to the list, and check states again. */
export function registerInstanceCommands(
  context: vscode.ExtensionContext,
  deps: WhichDeps & { tree: InstancesTree; log: vscode.LogOutputChannel },
): void {
  const t = vscode.l10n.t;
  const { tree, log } = deps;
  registerSafely(context, log, 'megaapi.addInstance', async () => {
    // Saved by askForInstance; the tree follows the saved list.
    const instance = await askForInstance(undefined, deps);
    if (instance) await tree.refreshOne(instance);
  });
  registerSafely(context, log, 'megaapi.refreshInstances', () => tree.refreshAll());
  registerSafely(context, log, 'megaapi.refreshStatus', async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, deps, t('Refresh the status of which instance?'));
    if (instance) await tree.refreshOne(instance);
  });
}
