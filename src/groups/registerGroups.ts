// Groups: a "Groups" folder under a connected instance in the sidebar (handed
// to the tree through its InstanceChildren seam), with Copy Group ID and
// Show Group Details on each group.
import vscode = require('vscode');
import { InstanceChildren } from '../ui/instanceChildren';
import { Kit } from '../ui/kit';
import { COMMANDS } from '../ui/commandIds';
import { onFirstUse } from '../ui/loadOnFirstUse';
import { registerOnFirstUse } from '../ui/registerSafely';
import { GroupsChildren } from './groupsChildren';

export function registerGroups(context: vscode.ExtensionContext, kit: Kit): { children: InstanceChildren } {
  const children = new GroupsChildren(kit.instances, kit.calls);
  context.subscriptions.push(children);
  registerOnFirstUse(context, kit.log, [COMMANDS.copyGroupJid, COMMANDS.showGroupDetails], () =>
    onFirstUse().registerGroupCommands(context, kit, children),
  );
  return { children };
}
