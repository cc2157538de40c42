import vscode = require('vscode');
import { callKeepingReply } from '../api/rawReply';
import { Webhook, WebhookChange, configWebhookEndpoint, readWebhookEndpoint } from '../api/webhook';
import { InstanceRef } from '../core/instanceRef';
import { logLine, serverText } from '../core/serverText';
import { maskWebhookUrl } from '../core/webhookUrl';
import { WebhookMemory, WebhookSetting, sameSetting } from '../instances/webhookMemory';
import { webhookStateText } from '../sidebar/describeWebhook';
import { AfterLinkDeps, inProgress, offer, showCallError, showReplyAction } from './afterLinkSupport';

export interface WebhookDeps extends AfterLinkDeps {
  webhookMemory: WebhookMemory;
}

export function settingOf(webhook: Webhook): WebhookSetting {
  return { url: webhook.url, enabled: webhook.enabled };
}

/** "https://example.com/hook?… (enabled)", masked and inert, for messages. */
export function shownSetting(setting: WebhookSetting): string {
  const t = vscode.l10n.t;
  const url = setting.url === '' ? t('no URL') : serverText(maskWebhookUrl(setting.url), 300);
  return `${url} (${webhookStateText(setting.enabled, t)})`;
}

/** The webhook as MegaAPI has it now; undefined after telling the user why it could not be read. */
export async function readWebhook(
  instance: InstanceRef,
  command: string,
  deps: WebhookDeps,
): Promise<Webhook | undefined> {
  const { result, reply } = await inProgress(vscode.l10n.t('Reading the webhook of {0}…', instance.key), () =>
    callKeepingReply(deps.calls.for(instance), readWebhookEndpoint(instance.key)),
  );
  if (result.ok) return result.value;
  await showCallError(result.error, reply, instance, command, deps);
  return undefined;
}

/**
 * Writes `change` over what was read (every other field sent back as read),
 * remembering the previous setting first, then reads the webhook back: MegaAPI
 * answering "ok" is not proof that the URL took. Returns the setting read
 * back, or undefined when the change failed (and the user was told).
 */
export async function changeWebhook(
  instance: InstanceRef,
  read: Webhook,
  change: WebhookChange,
  command: string,
  deps: WebhookDeps,
): Promise<WebhookSetting | undefined> {
  const t = vscode.l10n.t;
  const memory = deps.webhookMemory;
  const before = memory.get(instance);
  const next: WebhookSetting = { url: change.url, enabled: change.enabled ?? read.enabled };
  await memory.beforeChange(instance, settingOf(read), next);
  const client = deps.calls.for(instance);
  const written = await inProgress(
    t('Changing the webhook of {0}…', instance.key),
    async () => {
      const write = await callKeepingReply(client, configWebhookEndpoint(instance.key, read, change));
      return write.result.ok
        ? { write, back: await callKeepingReply(client, readWebhookEndpoint(instance.key)) }
        : { write };
    },
    'change',
  );
  deps.tree.refreshWebhook(instance);
  if (!written.write.result.ok) {
    await memory.undo(instance, before);
    deps.tree.refreshWebhook(instance);
    await showCallError(written.write.result.error, written.write.reply, instance, command, deps);
    return undefined;
  }
  deps.log.info(logLine(`Webhook ${instance.key}: ${describe(settingOf(read))} -> ${describe(next)}`));
  const back = written.back;
  if (!back?.result.ok) {
    const message = t(
      'MegaAPI accepted the change, but the webhook of {0} could not be read back to confirm it.',
      instance.key,
    );
    await offer('warning', message, showReplyAction(instance, back?.reply ?? written.write.reply, deps));
    return undefined;
  }
  const now = settingOf(back.result.value);
  if (!sameSetting(now, next)) {
    await memory.readBack(instance, now);
    const message = t(
      'MegaAPI accepted the change, but the webhook of {0} reads back as {1}.',
      instance.key,
      shownSetting(now),
    );
    await offer('warning', message, showReplyAction(instance, back.reply, deps));
    return undefined;
  }
  return now;
}

/** For the log: masked, since the query may be the receiver's secret. */
function describe(setting: WebhookSetting): string {
  return `${maskWebhookUrl(setting.url) || '(none)'} enabled=${String(setting.enabled)}`;
}
