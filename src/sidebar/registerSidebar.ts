import vscode = require('vscode');
import { Calls } from '../api/calls';
import { Instances } from '../instances/instances';
import { WebhookMemory } from '../instances/webhookMemory';
import { trackAttentionBadge } from './badge';
import { InstanceItem } from './instanceItem';
import { InstancesTree } from './instancesTree';
import { WebhookChildren } from './webhookChildren';

/** The "Instances" view in the MegaAPI activity-bar container. Its commands are registered with the others. */
export function registerSidebar(
  context: vscode.ExtensionContext,
  deps: { instances: Instances; calls: Calls; log: vscode.LogOutputChannel },
): { tree: InstancesTree; view: vscode.TreeView<vscode.TreeItem> } {
  const { instances } = deps;
  const webhooks = new WebhookChildren(instances, deps.calls, new WebhookMemory(context.globalState));
  const tree = new InstancesTree(instances, deps.calls, deps.log, webhooks);
  const view = vscode.window.createTreeView('megaapi.instances', { treeDataProvider: tree, showCollapseAll: false });
  context.subscriptions.push(
    tree,
    view,
    trackAttentionBadge(view, instances),
    // States are fetched when someone looks, never polled while hidden.
    view.onDidChangeVisibility((e) => {
      if (e.visible) void tree.refreshAll();
    }),
    view.onDidExpandElement((e) => {
      if (e.element instanceof InstanceItem) tree.expanded(e.element.instance);
    }),
    // A token set or cleared, or a host changed, changes what the instance can answer.
    instances.onDidChange((change) => {
      if (!view.visible) return;
      if (change.kind === 'token' && instances.has(change.instance)) void tree.refreshOne(change.instance);
      if (change.kind === 'renamed') void tree.refreshOne(change.to);
    }),
  );
  if (view.visible) void tree.refreshAll();
  return { tree, view };
}
