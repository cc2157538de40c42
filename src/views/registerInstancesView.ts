import * as vscode from 'vscode';
import { InstanceApi } from '../api/instanceApi';
import { chooseInstance } from '../commands/chooseInstance';
import { ResolveDeps, resolveInstance } from '../commands/resolveInstance';
import { StatusCache } from '../state/statusCache';
import { InstancesTree } from './instancesTree';

export interface InstancesViewDeps extends ResolveDeps {
  api: InstanceApi;
  cache: StatusCache;
}

/** The "Instances" view in the MegaAPI activity-bar container, and the commands of its title bar and items. */
export function registerInstancesView(context: vscode.ExtensionContext, deps: InstancesViewDeps): InstancesTree {
  const t = vscode.l10n.t;
  const tree = new InstancesTree(deps.instances, deps.cache, deps.api);
  const view = vscode.window.createTreeView('megaapi.instances', { treeDataProvider: tree, showCollapseAll: false });
  // The welcome view shows while there is nothing to list.
  const updateContext = () => void vscode.commands.executeCommand('setContext', 'megaapi.hasInstances', deps.instances.all().length > 0);
  updateContext();

  context.subscriptions.push(
    tree,
    view,
    deps.instances.onDidChange(updateContext),
    // States are fetched when someone looks, never polled while hidden.
    view.onDidChangeVisibility((e) => {
      if (e.visible) void tree.refreshAll();
    }),
    vscode.commands.registerCommand('megaapi.refreshInstances', () => tree.refreshAll()),
    vscode.commands.registerCommand('megaapi.refreshStatus', async (arg?: unknown) => {
      const instance = await chooseInstance(arg, deps, t('Refresh the status of which instance?'));
      if (instance) await tree.refreshOne(instance);
    }),
    vscode.commands.registerCommand('megaapi.addInstance', async () => {
      const instance = await resolveInstance(undefined, deps);
      if (instance) await tree.refreshOne(instance);
    }),
    vscode.commands.registerCommand('megaapi.removeInstance', async (arg?: unknown) => {
      const instance = await chooseInstance(arg, deps, t('Remove which instance?'));
      if (!instance) return;
      const remove = t('Remove');
      const answer = await vscode.window.showWarningMessage(
        t('Remove {0} from the list and forget its token?', instance.key),
        { modal: true, detail: t('The instance itself stays as it is in MegaAPI; only this list and the stored token are affected.') },
        remove,
      );
      if (answer !== remove) return;
      await deps.instances.remove(instance.baseUrl, instance.key);
      await deps.tokens.delete(instance.baseUrl, instance.key);
      deps.cache.delete(instance);
    }),
  );
  if (view.visible) void tree.refreshAll();
  return tree;
}
