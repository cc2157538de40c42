// The Instances view in the MegaAPI activity-bar container: the tree with the
// items other features hang under an instance, its badge and context keys, and
// its commands Add Instance, Refresh and Refresh Status.
import vscode = require('vscode');
import { NO_TOKEN_NEEDED, askForInstance, pickSavedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { InstanceChildren } from '../ui/instanceChildren';
import { InstanceMarks } from '../ui/instanceMarks';
import { Kit } from '../ui/kit';
import { registerSafely } from '../ui/registerSafely';
import { trackAttentionBadge } from './badge';
import { trackContextKeys } from './contextKeys';
import { InstanceItem } from './instanceItem';
import { InstancesTree } from './instancesTree';

export function registerSidebar(
  context: vscode.ExtensionContext,
  kit: Kit,
  kinds: readonly InstanceChildren[],
  marks?: InstanceMarks,
): { tree: InstancesTree; view: vscode.TreeView<vscode.TreeItem> } {
  const t = vscode.l10n.t;
  const { instances, checks, log } = kit;
  const tree = new InstancesTree(instances, kit.checks, kinds, marks);
  const view = vscode.window.createTreeView('megaapi.instances', { treeDataProvider: tree, showCollapseAll: false });
  context.subscriptions.push(
    tree,
    view,
    trackContextKeys(instances),
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
      if (change.kind === 'token' && instances.has(change.instance)) void checks.one(change.instance);
      if (change.kind === 'renamed') void checks.one(change.to);
    }),
  );

  registerSafely(context, log, COMMANDS.addInstance, async () => {
    // Saved by askForInstance; the tree follows the saved list.
    const instance = await askForInstance(undefined, kit);
    if (instance) await checks.one(instance);
  });
  registerSafely(context, log, COMMANDS.refreshInstances, () => tree.refreshAll());
  registerSafely(context, log, COMMANDS.refreshStatus, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Refresh the status of which instance?'), NO_TOKEN_NEEDED);
    if (instance) await checks.one(instance);
  });

  if (view.visible) void tree.refreshAll();
  return { tree, view };
}
