import vscode = require('vscode');
import { isOnWhatsAppEndpoint } from '../api/messages';
import { callKeepingReply } from '../api/rawReply';
import { InstanceRef } from '../core/instanceRef';
import { parseRecipient } from './recipient';
import { formatPhoneNumber } from '../core/phoneNumber';
import { serverText } from '../core/serverText';
import { InstanceRecords } from '../instances/records';
import { askParsed } from '../prompts/askParsed';
import { recipientReason } from './recipientReasons';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { inProgress, offer, showCallError, showReplyAction } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { pickSavedInstance } from '../prompts/whichInstance';

const COMMAND = COMMANDS.checkNumber;

/** "Is this number on WhatsApp?": yes with the JID to use, no, or "could not tell" with the reply to read. */
export function registerCheckNumber(
  context: vscode.ExtensionContext,
  kit: Kit,
  recipients: InstanceRecords<string>,
): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMAND, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Check the number with which instance?'));
    if (!instance) return;
    const digits = await askNumber(instance, recipients.get(instance));
    if (!digits) return;
    const number = formatPhoneNumber(digits);
    const { result, reply } = await inProgress(t('Asking WhatsApp about {0}…', number), () =>
      callKeepingReply(kit.calls.for(instance), isOnWhatsAppEndpoint(instance.key, digits)),
    );
    if (!result.ok) return showCallError(result.error, reply, instance, COMMAND, kit);
    const showReply = showReplyAction(instance, reply, kit);
    const check = result.value;
    switch (check.answer) {
      case 'yes': {
        const jid = check.jid ?? `${digits}@s.whatsapp.net`;
        const copy = { label: t('Copy JID'), run: () => void vscode.env.clipboard.writeText(jid) };
        const message = t('Yes: {0} is on WhatsApp. Its JID is {1}.', number, serverText(jid, 80));
        return offer('info', message, [copy, ...showReply]);
      }
      case 'no':
        return offer('info', t('No: {0} is not on WhatsApp.', number), showReply);
      case 'unknown':
        return offer(
          'warning',
          t(
            'Could not tell whether {0} is on WhatsApp: MegaAPI answered in a shape this extension does not know.',
            number,
          ),
          showReply,
        );
    }
  });
}

/** A person's number (a group is not a question WhatsApp answers), prefilled with the last test destination. */
function askNumber(instance: InstanceRef, last: string | undefined): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const groups = { groups: false };
  return askParsed(
    {
      title: t('Is this number on WhatsApp? (asked through {0})', instance.key),
      prompt: t('The number with country code, digits only. Brazil: 55 + DDD + number, for example 5511999999999.'),
      placeHolder: '5511999999999',
      value: last && parseRecipient(last, groups).ok ? last : undefined,
    },
    (text) => {
      const parsed = parseRecipient(text, groups);
      return parsed.ok ? { ok: true as const, value: parsed.value.to } : parsed;
    },
    (reason) => recipientReason(reason, t),
  );
}
