import vscode = require('vscode');
import { COMMANDS } from '../ui/commandIds';

/**
 * Stands in for the list when checking it failed as a whole (not one
 * instance's answer): the tree shows it instead of a popup, and clicking it
 * checks again.
 */
export class ErrorItem extends vscode.TreeItem {
  constructor(detail: string) {
    const t = vscode.l10n.t;
    super(t('Could not check the instances. Click to retry.'), vscode.TreeItemCollapsibleState.None);
    this.id = 'megaapi.instances.error';
    this.description = detail;
    this.tooltip = detail;
    this.contextValue = 'error';
    this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    this.command = { command: COMMANDS.refreshInstances, title: t('Retry') };
  }
}
