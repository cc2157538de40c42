import vscode = require('vscode');
import { Webhook } from '../api/webhook';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { maskWebhookUrl, parseWebhookUrl } from '../core/webhookUrl';
import { RememberedWebhook, sameSetting } from '../instances/webhookMemory';
import { askParsed } from '../prompts/askParsed';
import { webhookUrlReason } from '../text/afterLinkReasons';
import { offer } from './afterLinkSupport';
import { registerSafely } from './guard';
import { WebhookDeps, changeWebhook, readWebhook, settingOf, shownSetting } from './webhookChange';
import { pickSavedInstance } from './whichInstance';

/**
 * Set, enable/disable and restore an instance's webhook. The webhook carries
 * the customer's production traffic, so every change remembers what was there
 * before it, and each success offers to put it back.
 */
export function registerWebhookCommands(context: vscode.ExtensionContext, deps: WebhookDeps): void {
  const t = vscode.l10n.t;
  const restoreAction = (instance: InstanceRef) => ({
    label: t('Restore Previous Webhook'),
    run: () => void vscode.commands.executeCommand('megaapi.restoreWebhook', { instance }),
  });

  registerSafely(context, deps.log, 'megaapi.setWebhook', async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, deps, t('Set the webhook of which instance?'));
    const read = instance && (await readWebhook(instance, 'megaapi.setWebhook', deps));
    if (!instance || !read) return;
    const url = await askWebhookUrl(instance, read, deps);
    if (url === undefined) return;
    if (url === read.url && read.enabled === true) {
      void vscode.window.showInformationMessage(
        t('The webhook of {0} is already {1}.', instance.key, shownSetting(settingOf(read))),
      );
      return;
    }
    // A URL is set to receive messages: it is switched on with it.
    const now = await changeWebhook(instance, read, { url, enabled: true }, 'megaapi.setWebhook', deps);
    if (!now) return;
    const message = t(
      'The webhook of {0} is now {1}. The previous one is remembered.',
      instance.key,
      shownSetting(now),
    );
    await offer('info', message, [restoreAction(instance)]);
  });

  registerSafely(context, deps.log, 'megaapi.toggleWebhook', async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, deps, t('Enable or disable the webhook of which instance?'));
    const read = instance && (await readWebhook(instance, 'megaapi.toggleWebhook', deps));
    if (!instance || !read) return;
    if (read.url === '') {
      const set = {
        label: t('Set Webhook'),
        run: () => void vscode.commands.executeCommand('megaapi.setWebhook', { instance }),
      };
      await offer('info', t('{0} has no webhook URL to enable or disable.', instance.key), [set]);
      return;
    }
    const enabled = read.enabled === undefined ? await askEnabled(instance) : !read.enabled;
    if (enabled === undefined) return;
    // The URL is written back as read: only the flag changes.
    const now = await changeWebhook(instance, read, { url: read.url, enabled }, 'megaapi.toggleWebhook', deps);
    if (!now) return;
    const message = enabled
      ? t('The webhook of {0} is enabled: {1}.', instance.key, serverText(maskWebhookUrl(now.url), 300))
      : t(
          'The webhook of {0} is disabled: MegaAPI stops calling {1}.',
          instance.key,
          serverText(maskWebhookUrl(now.url), 300),
        );
    await offer('info', message, [restoreAction(instance)]);
  });

  registerSafely(context, deps.log, 'megaapi.restoreWebhook', async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, deps, t('Restore the previous webhook of which instance?'));
    if (!instance) return;
    const remembered = deps.webhookMemory.get(instance);
    if (!remembered) {
      void vscode.window.showInformationMessage(
        t('There is no previous webhook to restore for {0}: it was not changed from this machine.', instance.key),
      );
      return;
    }
    const read = await readWebhook(instance, 'megaapi.restoreWebhook', deps);
    if (!read) return;
    const previous = remembered.previous;
    if (sameSetting(settingOf(read), previous)) {
      await deps.webhookMemory.forget(instance);
      deps.tree.refreshWebhook(instance);
      void vscode.window.showInformationMessage(
        t('The webhook of {0} is already as it was: {1}.', instance.key, shownSetting(previous)),
      );
      return;
    }
    if (!(await confirmRestore(instance, read, remembered))) return;
    const now = await changeWebhook(instance, read, previous, 'megaapi.restoreWebhook', deps);
    if (!now) return;
    await deps.webhookMemory.forget(instance);
    deps.tree.refreshWebhook(instance);
    void vscode.window.showInformationMessage(
      t('The previous webhook of {0} is back: {1}.', instance.key, shownSetting(now)),
    );
  });
}

/**
 * Prefilled with the current URL in full: the input box is the one place it
 * is shown unmasked, because the user may want to edit it.
 */
function askWebhookUrl(instance: InstanceRef, read: Webhook, deps: WebhookDeps): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const options = { allowInsecureHttp: deps.settings.allowInsecureHttp(), megaApiBaseUrl: instance.baseUrl };
  return askParsed(
    {
      title: t('Set the webhook of {0}', instance.key),
      prompt:
        read.url === ''
          ? t('The public https:// URL of your app. MegaAPI will send the messages this instance receives to it.')
          : t(
              'Now: {0}. It is remembered before the change, and Restore Previous Webhook puts it back.',
              shownSetting(settingOf(read)),
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

/** A restore changes where production messages go, so it asks, naming both ends. */
async function confirmRestore(instance: InstanceRef, read: Webhook, remembered: RememberedWebhook): Promise<boolean> {
  const t = vscode.l10n.t;
  const restore = t('Restore');
  const now = settingOf(read);
  const detail = [
    t('Now: {0}', shownSetting(now)),
    t('Before: {0}', shownSetting(remembered.previous)),
    ...(sameSetting(now, remembered.written)
      ? []
      : [t('The webhook was changed elsewhere after it was changed from here; that change would be undone too.')]),
  ].join('\n');
  const question = t('Put back the previous webhook of {0}?', instance.key);
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, restore)) === restore;
}
