import vscode = require('vscode');
import { callKeepingReply } from '../api/rawReply';
import { Webhook, WebhookChange, configWebhookEndpoint, readWebhookEndpoint } from '../api/webhook';
import { InstanceRef } from '../core/instanceRef';
import { logLine, serverText } from '../core/serverText';
import { askParsed } from '../prompts/askParsed';
import { pickSavedInstance } from '../prompts/whichInstance';
import { COMMANDS, CommandId } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { commandAction, confirm, inProgress, offer, showCallError, showReplyAction } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { shownSetting } from './describeWebhook';
import { changeWebhook, settingOf } from './webhookChange';
import { WebhookChildren } from './webhookChildren';
import { RememberedWebhook, WebhookMemory, WebhookSetting, sameSetting } from './webhookMemory';
import { webhookUrlReason } from './webhookReasons';
import { maskWebhookUrl, parseWebhookUrl } from './webhookUrl';

/** What the webhook commands work with besides the kit: the memory for Restore, and the sidebar's webhook items. */
export interface WebhookParts {
  memory: WebhookMemory;
  children: WebhookChildren;
}

/**
 * Set, enable/disable and restore an instance's webhook. The webhook carries
 * the customer's production traffic, so every change remembers what was there
 * before it, and each success offers to put it back.
 */
export function registerWebhookCommands(context: vscode.ExtensionContext, kit: Kit, parts: WebhookParts): void {
  const t = vscode.l10n.t;
  const shown = (setting: WebhookSetting) => shownSetting(setting, t);
  const restoreAction = (instance: InstanceRef) =>
    commandAction(t('Restore Previous Webhook'), COMMANDS.restoreWebhook, instance);

  registerSafely(context, kit.log, COMMANDS.setWebhook, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Set the webhook of which instance?'));
    const read = instance && (await readWebhook(instance, COMMANDS.setWebhook, kit));
    if (!instance || !read) return;
    const url = await askWebhookUrl(instance, read, kit);
    if (url === undefined) return;
    if (url === read.url && read.enabled === true) {
      void vscode.window.showInformationMessage(
        t('The webhook of {0} is already {1}.', instance.key, shown(settingOf(read))),
      );
      return;
    }
    // A URL is set to receive messages: it is switched on with it.
    const now = await applyChange(instance, read, { url, enabled: true }, COMMANDS.setWebhook, kit, parts);
    if (!now) return;
    const message = t('The webhook of {0} is now {1}. The previous one is remembered.', instance.key, shown(now));
    await offer('info', message, [restoreAction(instance)]);
  });

  registerSafely(context, kit.log, COMMANDS.toggleWebhook, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Enable or disable the webhook of which instance?'));
    const read = instance && (await readWebhook(instance, COMMANDS.toggleWebhook, kit));
    if (!instance || !read) return;
    if (read.url === '') {
      const set = commandAction(t('Set Webhook'), COMMANDS.setWebhook, instance);
      await offer('info', t('{0} has no webhook URL to enable or disable.', instance.key), [set]);
      return;
    }
    // Picking Enable or Disable is the answer when MegaAPI did not say; otherwise a toggle of production asks first.
    const enabled = read.enabled === undefined ? await askEnabled(instance) : !read.enabled;
    if (enabled === undefined) return;
    if (read.enabled !== undefined && !(await confirmToggle(instance, read, enabled))) return;
    // The URL is written back as read: only the flag changes.
    const change = { url: read.url, enabled };
    const now = await applyChange(instance, read, change, COMMANDS.toggleWebhook, kit, parts);
    if (!now) return;
    const url = serverText(maskWebhookUrl(now.url), 300);
    const message = enabled
      ? t('The webhook of {0} is enabled: {1}.', instance.key, url)
      : t('The webhook of {0} is disabled: MegaAPI stops calling {1}.', instance.key, url);
    await offer('info', message, [restoreAction(instance)]);
  });

  registerSafely(context, kit.log, COMMANDS.restoreWebhook, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Restore the previous webhook of which instance?'));
    if (!instance) return;
    const remembered = await parts.memory.get(instance);
    if (!remembered) {
      void vscode.window.showInformationMessage(
        t('There is no previous webhook to restore for {0}: it was not changed from this machine.', instance.key),
      );
      return;
    }
    const read = await readWebhook(instance, COMMANDS.restoreWebhook, kit);
    if (!read) return;
    const previous = remembered.previous;
    if (sameSetting(settingOf(read), previous)) {
      await parts.memory.forget(instance);
      parts.children.show(instance, read);
      void vscode.window.showInformationMessage(
        t('The webhook of {0} is already as it was: {1}.', instance.key, shown(previous)),
      );
      return;
    }
    if (!(await confirmRestore(instance, read, remembered))) return;
    const now = await applyChange(instance, read, previous, COMMANDS.restoreWebhook, kit, parts);
    if (!now) return;
    await parts.memory.forget(instance);
    // Drawn again: the item no longer offers Restore.
    parts.children.refresh(instance);
    void vscode.window.showInformationMessage(t('The previous webhook of {0} is back: {1}.', instance.key, shown(now)));
  });
}

/** The webhook as MegaAPI has it now; undefined after telling the user why it could not be read. */
async function readWebhook(instance: InstanceRef, command: CommandId, kit: Kit): Promise<Webhook | undefined> {
  const { result, reply } = await inProgress(vscode.l10n.t('Reading the webhook of {0}…', instance.key), () =>
    callKeepingReply(kit.calls.for(instance), readWebhookEndpoint(instance.key)),
  );
  if (result.ok) return result.value;
  await showCallError(result.error, reply, instance, command, kit);
  return undefined;
}

/**
 * The change, shown: its progress, the sidebar brought up to date with what
 * was read back, and a warning for every way it can fall short. Returns the
 * setting read back, or undefined when the user was told why not.
 */
async function applyChange(
  instance: InstanceRef,
  read: Webhook,
  change: WebhookChange,
  command: CommandId,
  kit: Kit,
  parts: WebhookParts,
): Promise<WebhookSetting | undefined> {
  const t = vscode.l10n.t;
  const client = kit.calls.for(instance);
  const calls = {
    write: (next: WebhookChange, over: Webhook) =>
      callKeepingReply(client, configWebhookEndpoint(instance.key, over, next)),
    read: () => callKeepingReply(client, readWebhookEndpoint(instance.key)),
  };
  const outcome = await inProgress(
    t('Changing the webhook of {0}…', instance.key),
    () => changeWebhook(instance, read, change, calls, parts.memory, (now) => confirmOverwrite(instance, now, change)),
    'change',
  );
  if (outcome.kind === 'declined') {
    parts.children.show(instance, outcome.now);
    void vscode.window.showInformationMessage(
      t('Nothing was changed: the webhook of {0} stays {1}.', instance.key, shownSetting(settingOf(outcome.now), t)),
    );
    return undefined;
  }
  if (outcome.kind === 'failed') {
    parts.children.refresh(instance);
    await showCallError(outcome.error, outcome.reply, instance, command, kit);
    return undefined;
  }
  kit.log.info(logLine(`Webhook ${instance.key}: ${describe(settingOf(read))} -> ${describe(outcome.next)}`));
  if (outcome.kind === 'unconfirmed') {
    parts.children.refresh(instance);
    const message = t(
      'MegaAPI accepted the change, but the webhook of {0} could not be read back to confirm it.',
      instance.key,
    );
    await offer('warning', message, showReplyAction(instance, outcome.reply, kit));
    return undefined;
  }
  parts.children.show(instance, outcome.back);
  const now = settingOf(outcome.back);
  if (outcome.kind === 'differs') {
    const message = t(
      'MegaAPI accepted the change, but the webhook of {0} reads back as {1}.',
      instance.key,
      shownSetting(now, t),
    );
    await offer('warning', message, showReplyAction(instance, outcome.reply, kit));
    return undefined;
  }
  return now;
}

/** For the log: masked, since the query may be the receiver's secret. */
function describe(setting: WebhookSetting): string {
  return `${maskWebhookUrl(setting.url) || '(none)'} enabled=${String(setting.enabled)}`;
}

/**
 * Prefilled with the current URL in full: the input box is the one place it
 * is shown unmasked, because the user may want to edit it.
 */
function askWebhookUrl(instance: InstanceRef, read: Webhook, kit: Kit): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const options = { allowInsecureHttp: kit.settings.allowInsecureHttp(), megaApiBaseUrl: instance.baseUrl };
  return askParsed(
    {
      title: t('Set the webhook of {0}', instance.key),
      prompt:
        read.url === ''
          ? t('The public https:// URL of your app. MegaAPI will send the messages this instance receives to it.')
          : t(
              'Now: {0}. It is remembered before the change, and Restore Previous Webhook puts it back.',
              shownSetting(settingOf(read), t),
            ),
      placeHolder: 'https://example.com/megaapi/webhook?secret=…',
      value: read.url,
    },
    (text) => parseWebhookUrl(text, options),
    (reason) => webhookUrlReason(reason, t),
  );
}

async function askEnabled(instance: InstanceRef): Promise<boolean | undefined> {
  const t = vscode.l10n.t;
  const picked = await vscode.window.showQuickPick(
    [
      { label: t('Enable'), enabled: true },
      { label: t('Disable'), enabled: false },
    ],
    { title: t('MegaAPI did not say whether the webhook of {0} is enabled.', instance.key), ignoreFocusOut: true },
  );
  return picked?.enabled;
}

/** Enable/Disable changes where production messages go (or that they go at all), as Restore does: it asks. */
async function confirmToggle(instance: InstanceRef, read: Webhook, enabled: boolean): Promise<boolean> {
  const t = vscode.l10n.t;
  const url = serverText(maskWebhookUrl(read.url), 300);
  return enabled
    ? confirm(
        t('Enable the webhook of {0}?', instance.key),
        t('Enable'),
        t('MegaAPI starts sending the messages of {0} to {1}.', instance.key, url),
      )
    : confirm(
        t('Disable the webhook of {0}?', instance.key),
        t('Disable'),
        t(
          'MegaAPI stops sending the messages of {0} to {1}; they are not delivered there while it is off.',
          instance.key,
          url,
        ),
      );
}

/** The webhook changed elsewhere while the user was deciding: say what it is now, and ask before writing over it. */
async function confirmOverwrite(instance: InstanceRef, now: Webhook, change: WebhookChange): Promise<boolean> {
  const t = vscode.l10n.t;
  const detail = [
    t('Now: {0}', shownSetting(settingOf(now), t)),
    ...(now.secondaryUrl ? [t('Secondary URL: {0}', serverText(maskWebhookUrl(now.secondaryUrl), 300))] : []),
    t('To write: {0}', shownSetting({ url: change.url, enabled: change.enabled ?? now.enabled }, t)),
  ].join('\n');
  const question = t('The webhook of {0} was changed elsewhere since it was read. Write over it?', instance.key);
  return confirm(question, t('Write Over It'), detail);
}

/** A restore changes where production messages go, so it asks, naming both ends. */
async function confirmRestore(instance: InstanceRef, read: Webhook, remembered: RememberedWebhook): Promise<boolean> {
  const t = vscode.l10n.t;
  const now = settingOf(read);
  const detail = [
    t('Now: {0}', shownSetting(now, t)),
    t('Before: {0}', shownSetting(remembered.previous, t)),
    ...(sameSetting(now, remembered.written)
      ? []
      : [t('The webhook was changed elsewhere after it was changed from here; that change would be undone too.')]),
  ].join('\n');
  const question = t('Put back the previous webhook of {0}?', instance.key);
  return confirm(question, t('Restore'), detail);
}
