// The webhook feature: the "Webhook" item under a connected instance in the
// sidebar (handed to the tree through its InstanceChildren seam), and the
// Set Webhook, Enable/Disable Webhook and Restore Previous Webhook commands.
import vscode = require('vscode');
import { InstanceChildren } from '../ui/instanceChildren';
import { Kit } from '../ui/kit';
import { WebhookChildren } from './webhookChildren';
import { registerWebhookCommands } from './webhookCommands';
import { WEBHOOK_MEMORY, WebhookMemory } from './webhookMemory';

export function registerWebhook(context: vscode.ExtensionContext, kit: Kit): { children: InstanceChildren } {
  // One memory, over one record: the tree's "restorable" and the commands' Restore read the same.
  const memory = new WebhookMemory(kit.instances.record(WEBHOOK_MEMORY));
  const children = new WebhookChildren(kit.instances, kit.calls, memory);
  context.subscriptions.push(children);
  registerWebhookCommands(context, kit, { memory, children });
  return { children };
}
