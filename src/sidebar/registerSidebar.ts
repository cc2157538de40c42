import * as vscode from 'vscode';
import { InstanceApi } from '../api/instanceApi';
import { registerInstanceCommands } from '../commands/instances';
import { ResolveDeps } from '../commands/resolveInstance';
import { sameInstance } from '../instance';
import { StatusCache } from '../state/statusCache';
import { InstancesTree } from './instancesTree';

export interface InstancesViewDeps extends ResolveDeps {
  api: InstanceApi;
  cache: StatusCache;
  log: vscode.LogOutputChannel;
}

/** The "Instances" view in the MegaAPI activity-bar container, and the commands of its title bar and items. */
export function registerInstancesView(context: vscode.ExtensionContext, deps: InstancesViewDeps): InstancesTree {
  const { instances, tokens } = deps;
  const tree = new InstancesTree(instances, deps.cache, deps.api, deps.log);
  const view = vscode.window.createTreeView('megaapi.instances', { treeDataProvider: tree, showCollapseAll: false });
  // The welcome view (viewsWelcome) shows while there is nothing to list.
  const updateContext = () => void vscode.commands.executeCommand('setContext', 'megaapi.hasInstances', instances.all().length > 0);
  updateContext();

  context.subscriptions.push(
    tree,
    view,
    instances.onDidChange(updateContext),
    // States are fetched when someone looks, never polled while hidden.
    view.onDidChangeVisibility((e) => {
      if (e.visible) void tree.refreshAll();
    }),
    // A token set or cleared changes what the listed instance can answer.
    tokens.onDidChange((changed) => {
      if (view.visible && instances.all().some((saved) => sameInstance(saved, changed))) void tree.refreshOne(changed);
    }),
  );
  registerInstanceCommands(context, { ...deps, tree });
  if (view.visible) void tree.refreshAll();
  return tree;
}
