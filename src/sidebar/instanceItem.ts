import vscode = require('vscode');
import { COMMANDS } from '../ui/commandIds';
import { InstanceRef, instanceId } from '../core/instanceRef';
import { InstanceLook } from './describeInstance';

/**
 * One saved instance in the sidebar. It carries `instance` so that commands
 * run from its menus receive `{ instance }`, the shape `givenInstance` reads.
 */
export class InstanceItem extends vscode.TreeItem {
  readonly instance: InstanceRef;

  constructor(instance: InstanceRef, look: InstanceLook, collapsible = vscode.TreeItemCollapsibleState.None) {
    super(look.label, collapsible);
    // Only the host and key: the saved record may grow fields that have no place in menus' arguments.
    this.instance = { baseUrl: instance.baseUrl, key: instance.key };
    this.id = instanceId(instance);
    this.description = look.description;
    // A plain string, not a MarkdownString: server words in it stay text, whatever they contain.
    this.tooltip = look.tooltip.join('\n');
    this.contextValue = look.contextValue;
    this.iconPath = new vscode.ThemeIcon(look.icon, look.iconColor && new vscode.ThemeColor(look.iconColor));
    this.command = {
      command: COMMANDS.showQr,
      title: vscode.l10n.t('Show QR'),
      arguments: [{ instance: this.instance }],
    };
  }
}
