// The webhook feature: the "Webhook" item under a connected instance in the
// sidebar (handed to the tree through its InstanceChildren seam), and the
// Set Webhook, Enable/Disable Webhook and Restore Previous Webhook commands.
import vscode = require('vscode');
import { InstanceChildren } from '../ui/instanceChildren';
import { Kit } from '../ui/kit';
import { WebhookChildren } from './webhookChildren';
import { SecretRecords, secretRecordRefSpec } from '../instances/secretRecords';
import {
  RememberedWebhook,
  WEBHOOK_MEMORY,
  WEBHOOK_MEMORY_REF,
  WEBHOOK_MEMORY_SECRET,
  WebhookMemory,
  isRemembered,
} from './webhookMemory';
import { maskWebhookUrl } from './webhookUrl';
import { serverText } from '../core/serverText';
import { COMMANDS } from '../ui/commandIds';
import { onFirstUse } from '../ui/loadOnFirstUse';
import { registerOnFirstUse } from '../ui/registerSafely';

export function registerWebhook(context: vscode.ExtensionContext, kit: Kit): { children: InstanceChildren } {
  // One memory, over one record: the tree's "restorable" and the commands' Restore read the same.
  // The URLs live in SecretStorage; what an older version kept in globalState moves there once.
  const records = new SecretRecords(
    kit.instances.record(secretRecordRefSpec(WEBHOOK_MEMORY_REF, 'keep')),
    context.secrets,
    WEBHOOK_MEMORY_SECRET,
    isRemembered,
    kit.instances.record(WEBHOOK_MEMORY),
  );
  void records
    .migrate()
    .then(undefined, () => kit.log.warn('Could not move the remembered webhooks out of globalState'));
  const memory = new WebhookMemory(records);
  context.subscriptions.push(forgetOnRemove(kit, records));
  const children = new WebhookChildren(kit.instances, kit.calls, memory);
  context.subscriptions.push(children);
  registerOnFirstUse(context, kit.log, [COMMANDS.setWebhook, COMMANDS.toggleWebhook, COMMANDS.restoreWebhook], () =>
    onFirstUse().registerWebhookCommands(context, kit, { memory, children }),
  );
  return { children };
}

/**
 * Remove Instance keeps the webhook remembered from before this machine's
 * changes (it is the customer's production setting), but it holds a URL that
 * may carry a secret: right after the removal the user is asked whether to
 * forget it too.
 */
function forgetOnRemove(kit: Kit, records: SecretRecords<RememberedWebhook>): vscode.Disposable {
  const t = vscode.l10n.t;
  const subscription = kit.instances.onDidChange((change) => {
    if (change.kind !== 'removed' || !records.has(change.instance)) return;
    const instance = change.instance;
    void (async () => {
      const remembered = await records.get(instance);
      if (!remembered) return records.forget(instance);
      const url =
        remembered.previous.url === '' ? t('no URL') : serverText(maskWebhookUrl(remembered.previous.url), 200);
      const forget = t('Forget It');
      const choice = await vscode.window.showInformationMessage(
        t(
          '{0} was removed. Forget the webhook remembered from before your changes ({1}) too? Kept, Restore Previous Webhook can still put it back if you add the instance again.',
          instance.key,
          url,
        ),
        forget,
        t('Keep'),
      );
      if (choice === forget) await records.forget(instance);
    })().then(undefined, () => undefined);
  });
  return new vscode.Disposable(() => subscription.dispose());
}
