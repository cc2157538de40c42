import * as vscode from 'vscode';
import { InstanceRef, instanceId } from '../instance';
import { InstanceLook } from './describeInstance';

/**
 * One saved instance in the sidebar. It carries `instance` so that commands
 * run from its menus receive `{ instance }`, the shape `instanceFromArg` reads.
 */
export class InstanceItem extends vscode.TreeItem {
  readonly instance: InstanceRef;

  constructor(instance: InstanceRef, look: InstanceLook) {
    super(look.label, vscode.TreeItemCollapsibleState.None);
    // Only the host and key: the saved record may grow fields that have no place in menus' arguments.
    this.instance = { baseUrl: instance.baseUrl, key: instance.key };
    this.id = instanceId(instance);
    this.description = look.description;
    this.tooltip = new vscode.MarkdownString(look.tooltip.map(escapeMarkdown).join('  \n'));
    this.contextValue = look.contextValue;
    this.iconPath = new vscode.ThemeIcon(look.icon, look.iconColor && new vscode.ThemeColor(look.iconColor));
    this.command = { command: 'megaapi.showQr', title: vscode.l10n.t('Show QR'), arguments: [{ instance: this.instance }] };
  }
}

/** Server texts (a status value, an error message) are shown as written, never as links or formatting. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
