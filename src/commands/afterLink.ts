import vscode = require('vscode');
import { LastRecipients } from '../instances/lastRecipient';
import { WebhookMemory } from '../instances/webhookMemory';
import { InstancesTree } from '../sidebar/instancesTree';
import { registerCheckNumber } from './checkNumber';
import { registerSendTestMessage } from './sendTestMessage';
import { ReplyDocuments } from './showReply';
import { TokenDeps } from './tokens';
import { registerWebhookCommands } from './webhookCommands';

/**
 * What a user does once the phone is linked: send a test message, check a
 * number, point the webhook at their app. What they leave behind (the last
 * destination, the webhook from before a change) follows a renamed instance.
 * Removing an instance forgets its last destination but keeps its previous
 * webhook: that is the customer's production setting, and adding the
 * instance again must still be able to put it back.
 */
export function registerAfterLink(context: vscode.ExtensionContext, deps: TokenDeps & { tree: InstancesTree }): void {
  const replies = new ReplyDocuments(deps.instances);
  const recipients = new LastRecipients(context.globalState);
  const webhookMemory = new WebhookMemory(context.globalState);
  context.subscriptions.push(
    replies,
    deps.instances.onDidChange((change) => {
      if (change.kind === 'removed') {
        void recipients.forget(change.instance);
      } else if (change.kind === 'renamed') {
        void recipients.move(change.from, change.to);
        void webhookMemory.move(change.from, change.to);
      }
    }),
  );
  const all = { ...deps, replies, recipients, webhookMemory };
  registerSendTestMessage(context, all);
  registerCheckNumber(context, all);
  registerWebhookCommands(context, all);
}
