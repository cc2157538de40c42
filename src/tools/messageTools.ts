import { isOnWhatsAppEndpoint, sendTextEndpoint } from '../api/messages';
import { formatPhoneNumber } from '../core/phoneNumber';
import { phoneReason } from '../text/reasons';
import { MAX_MESSAGE, chooseInstance, choosePhone, chooseRecipient, chooseText } from './toolInput';
import { ToolDeps, ToolSpec, onSavedInstance } from './toolKit';
import { PHONE_TO_CHECK, SEND_TEXT, SEND_TO, UNTRUSTED, onInstance } from './toolSchemas';
import { errorText, fromMegaApi } from './toolText';

/**
 * Sends one real WhatsApp message. The person confirms it in VS Code first
 * (confirmations.ts), and the send limit holds even when they click without
 * reading: one a second, twenty in ten minutes per instance.
 */
export function sendTestMessage(deps: ToolDeps): ToolSpec {
  const { t } = deps;
  return {
    description:
      'Sends one real WhatsApp text message from a saved MegaAPI instance, to a number or a group, to test the instance or an integration. The user confirms each message first, in VS Code, and sending is limited to one message a second and 20 in ten minutes per instance. Use it only when the user asks to send a message.' +
      UNTRUSTED,
    inputSchema: onInstance({ to: SEND_TO, text: SEND_TEXT }, ['to', 'text']),
    progress: () => t('Sending a test message…'),
    refuseFirst: (input) => {
      const choice = chooseInstance(input, deps.instances.all());
      if (!choice.ok) return undefined;
      const waitMs = deps.sendLimit.waitMs(choice.instance);
      return waitMs > 0 ? limitText(waitMs, deps) : undefined;
    },
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const to = chooseRecipient(input);
        if (!to.ok) {
          return t(
            'Give "to" as a WhatsApp number with country code, digits only (for example 5511999999999), or a group id ending in @g.us.',
          );
        }
        const text = chooseText(input);
        if (!text.ok) {
          return text.reason === 'empty'
            ? t('Give the text of the message.')
            : t('A test message has at most {0} characters.', MAX_MESSAGE);
        }
        // Counted before sending, so two calls at once cannot both pass.
        if (!deps.sendLimit.take(instance)) return limitText(deps.sendLimit.waitMs(instance), deps);
        const result = await deps.calls.for(instance).call(sendTextEndpoint(instance.key, to.to, text.text), signal);
        if (!result.ok) return errorText(result.error, instance, t);
        const where = to.group ? to.to : formatPhoneNumber(to.to);
        const id = result.value.id;
        return id
          ? t('The message was sent from {0} to {1}. Message id: {2}', instance.key, where, fromMegaApi(id, t, 128))
          : t('The message was sent from {0} to {1}.', instance.key, where);
      }),
  };
}

function limitText(waitMs: number, deps: ToolDeps): string {
  return deps.t(
    'Not sent: an agent may send at most one message a second and 20 in ten minutes from one instance. Try again in {0} s, and only if the user still wants it.',
    Math.ceil(waitMs / 1000),
  );
}

export function checkNumber(deps: ToolDeps): ToolSpec {
  const { t } = deps;
  return {
    description:
      'Asks WhatsApp, through a saved MegaAPI instance, whether a phone number has a WhatsApp account, and returns the JID to send to. Nothing is sent to that number.' +
      UNTRUSTED,
    inputSchema: onInstance({ phone: PHONE_TO_CHECK }, ['phone']),
    progress: () => t('Asking WhatsApp about the number…'),
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const phone = choosePhone(input);
        if (!phone.ok) return phoneReason(phone.reason, t);
        const number = formatPhoneNumber(phone.digits);
        const result = await deps.calls.for(instance).call(isOnWhatsAppEndpoint(instance.key, phone.digits), signal);
        if (!result.ok) return errorText(result.error, instance, t);
        const check = result.value;
        switch (check.answer) {
          case 'yes':
            // The JID passed the parser's strict pattern (digits@s.whatsapp.net), so it is not free text.
            return t('Yes: {0} is on WhatsApp. Its JID is {1}.', number, check.jid ?? `${phone.digits}@s.whatsapp.net`);
          case 'no':
            return t('No: {0} is not on WhatsApp.', number);
          case 'unknown':
            return t(
              'Could not tell whether {0} is on WhatsApp: MegaAPI answered in a shape this extension does not know.',
              number,
            );
        }
      }),
  };
}
