import vscode = require('vscode');
import { GroupSummary, listGroupsEndpoint } from '../api/groups';
import { sendTextEndpoint } from '../api/messages';
import { callKeepingReply } from '../api/rawReply';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { Recipient, formatRecipient } from './recipient';
import { pickRecipient } from './pickRecipient';
import { serverText } from '../core/serverText';
import { InstanceRecords } from '../instances/records';
import { linkedAccount } from '../text/account';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { commandAction, confirm, inProgress, offer, showCallError, showReplyAction } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { showApiError } from '../ui/showApiError';
import { pickSavedInstance } from '../prompts/whichInstance';

const COMMAND = COMMANDS.sendTestMessage;
/** WhatsApp takes far longer texts; a test message that long is a paste accident. */
const MAX_TEXT = 4096;

/**
 * Sends one real WhatsApp message, so the user sees the instance work end to
 * end. A modal names the instance, its linked account and the destination
 * first: the message reaches a real phone and cannot be taken back.
 */
export function registerSendTestMessage(
  context: vscode.ExtensionContext,
  kit: Kit,
  recipients: InstanceRecords<string>,
): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMAND, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Send a test message from which instance?'));
    if (!instance) return;
    const account = await linkedAccountOf(instance, kit);
    if (account === undefined) return;
    const recipient = await pickRecipient(instance, recipients.get(instance), groupsOf(instance, kit));
    if (!recipient) return;
    const text = await askText(instance);
    if (text === undefined || !(await confirmSend(instance, account, recipient, text))) return;
    // Only the destination, never the text: a second test is two keystrokes, and nothing private stays behind.
    await recipients.set(instance, recipient.to);
    const { result, reply } = await inProgress(
      t('Sending a test message from {0}…', instance.key),
      () => callKeepingReply(kit.calls.for(instance), sendTextEndpoint(instance.key, recipient.to, text)),
      'change',
    );
    if (!result.ok) return showCallError(result.error, reply, instance, COMMAND, kit);
    const to = formatRecipient(recipient);
    const id = result.value.id;
    const message = id
      ? t('Test message sent from {0} to {1} (message id {2}).', instance.key, to, serverText(id, 128))
      : t('Test message sent from {0} to {1}.', instance.key, to);
    await offer('info', message, showReplyAction(instance, reply, kit));
  });
}

/**
 * The linked account, checking the instance when its state is not known to
 * be connected; undefined (after telling why) when it cannot send.
 */
async function linkedAccountOf(instance: InstanceRef, kit: Kit): Promise<string | undefined> {
  const t = vscode.l10n.t;
  if (kit.instances.status(instance)?.kind !== 'connected') {
    await inProgress(t('Checking {0}…', instance.key), () => kit.checks.one(instance));
  }
  const entry = kit.instances.status(instance);
  switch (entry?.kind) {
    case 'connected':
      return linkedAccount(entry.status.user) || t('not reported by MegaAPI');
    case 'error':
      await showApiError(entry.error, instance, COMMAND, kit.log);
      return undefined;
    case 'noToken':
      await showApiError({ kind: 'noToken' }, instance, COMMAND, kit.log);
      return undefined;
    default: {
      const message = t(
        '{0} is not linked to WhatsApp, so it cannot send a message yet: link a phone first.',
        instance.key,
      );
      await offer('warning', message, [commandAction(t('Show QR'), COMMANDS.showQr, instance)]);
      return undefined;
    }
  }
}

/** The instance's groups for the destination picker; none when they cannot be listed (the number can still be typed). */
async function groupsOf(instance: InstanceRef, kit: Kit): Promise<GroupSummary[]> {
  const listed = await kit.calls.for(instance).call(listGroupsEndpoint(instance.key));
  return listed.ok ? listed.value : [];
}

async function askText(instance: InstanceRef): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const text = await vscode.window.showInputBox({
    title: t('Send a test message from {0}', instance.key),
    prompt: t('The text of the test message.'),
    value: t('Test message from MegaAPI for VS Code: instance {0} works.', instance.key),
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() === ''
        ? t('Enter the text to send.')
        : value.length > MAX_TEXT
          ? t('A test message has at most {0} characters.', MAX_TEXT)
          : undefined,
  });
  return text === undefined || text.trim() === '' || text.length > MAX_TEXT ? undefined : text;
}

async function confirmSend(instance: InstanceRef, account: string, to: Recipient, text: string): Promise<boolean> {
  const t = vscode.l10n.t;
  const preview = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  const detail = [
    t('From: instance {0} on {1}', instance.key, hostOf(instance.baseUrl)),
    t('Linked account: {0}', account),
    t('To: {0}', formatRecipient(to)),
    t('Text: {0}', preview),
  ].join('\n');
  const question = t('Send a real WhatsApp message to {0}?', formatRecipient(to));
  return confirm(question, t('Send'), detail);
}
