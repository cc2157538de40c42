import vscode = require('vscode');
import { COMMANDS } from '../ui/commandIds';
import { InstanceRef, instanceId } from '../core/instanceRef';
import { WebhookLook } from './describeWebhook';

/**
 * The "Webhook" child of a connected instance. Like `InstanceItem` it carries
 * `instance`, so its menu commands receive `{ instance }`.
 */
export class WebhookItem extends vscode.TreeItem {
  readonly instance: InstanceRef;

  constructor(instance: InstanceRef, look: WebhookLook) {
    super(look.label, vscode.TreeItemCollapsibleState.None);
    this.instance = { baseUrl: instance.baseUrl, key: instance.key };
    this.id = `${instanceId(instance)}|webhook`;
    this.description = look.description;
    // A plain string, not a MarkdownString: the URL in it came from the server.
    this.tooltip = look.tooltip.join('\n');
    this.contextValue = look.contextValue;
    this.iconPath = new vscode.ThemeIcon(look.icon, look.iconColor && new vscode.ThemeColor(look.iconColor));
    if (look.icon === 'error') {
      // Checking the instance again reads its webhook again too.
      this.command = {
        command: COMMANDS.refreshStatus,
        title: vscode.l10n.t('Retry'),
        arguments: [{ instance: this.instance }],
      };
    }
  }
}
