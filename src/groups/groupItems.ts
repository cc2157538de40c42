import vscode = require('vscode');
import { InstanceRef, instanceId } from '../core/instanceRef';
import { GroupLook } from './describeGroups';

/** The "Groups" folder under a connected instance; its groups are read when it is expanded. */
export class GroupsFolderItem extends vscode.TreeItem {
  readonly instance: InstanceRef;

  constructor(instance: InstanceRef) {
    super(vscode.l10n.t('Groups'), vscode.TreeItemCollapsibleState.Collapsed);
    this.instance = { baseUrl: instance.baseUrl, key: instance.key };
    this.id = `${instanceId(instance)}|groups`;
    this.contextValue = 'groups';
    this.iconPath = new vscode.ThemeIcon('organization');
  }
}

/** One group. Menus receive `{ instance, jid }`, which Copy Group ID and Show Details read. */
export class GroupItem extends vscode.TreeItem {
  readonly instance: InstanceRef;

  constructor(
    instance: InstanceRef,
    readonly jid: string,
    look: GroupLook,
  ) {
    super(look.label, vscode.TreeItemCollapsibleState.None);
    this.instance = { baseUrl: instance.baseUrl, key: instance.key };
    this.id = `${instanceId(instance)}|group|${jid}`;
    this.description = look.description;
    this.tooltip = look.tooltip;
    this.contextValue = 'group';
    this.iconPath = new vscode.ThemeIcon('comment-discussion');
  }
}

/** Why there are no groups to show: MegaAPI's answer, or the failure, never an empty folder. */
export class GroupsNoteItem extends vscode.TreeItem {
  constructor(instance: InstanceRef, look: GroupLook, kind: 'error' | 'empty') {
    super(look.label, vscode.TreeItemCollapsibleState.None);
    this.id = `${instanceId(instance)}|groups|${kind}`;
    this.tooltip = look.tooltip;
    this.contextValue = `groups.${kind}`;
    this.iconPath = new vscode.ThemeIcon(kind === 'error' ? 'error' : 'info');
  }
}
