import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { formatPhoneNumber } from '../core/phoneNumber';
import { serverText } from '../core/serverText';
import { Translate } from '../text/translate';
import { InstanceChoice, chooseInstance, choosePhone, chooseRecipient, chooseText } from './toolInput';
import { ToolName } from './toolNames';

export interface Confirmation {
  title: string;
  message: string;
}

type Confirm = (input: unknown, saved: readonly InstanceRef[], t: Translate) => Confirmation;

/**
 * The tools that change an instance or reach a phone, and what the user
 * confirms before each runs: the instance and host it will act on, as the
 * saved list resolves them, not as the model wrote them. A request that
 * resolves to no instance is confirmed too (it will only report why), so no
 * change in the saved list between the question and the run can skip it.
 * Looking at instances and opening the QR panel ask nothing. `defineTool`
 * (toolKit.ts) puts these words in a modal that also names the client.
 */
export const CONFIRMATIONS: Partial<Record<ToolName, Confirm>> = {
  megaapi_request_pairing_code: (input, saved, t) => {
    const { key, host } = target(chooseInstance(input, saved), t);
    const phone = choosePhone(input);
    const number = phone.ok ? formatPhoneNumber(phone.digits) : t('an invalid phone number');
    return {
      title: t('Request a pairing code for {0} on {1}?', key, host),
      message: t(
        'WhatsApp is asked for a code that links the phone {0} to the instance {1} on {2}. The code appears in the QR panel.',
        number,
        key,
        host,
      ),
    };
  },
  megaapi_logout_instance: (input, saved, t) => {
    const { key, host } = target(chooseInstance(input, saved), t);
    return {
      title: t('Log out {0} on {1}?', key, host),
      message: t('The phone linked to {0} on {1} is unlinked and must scan a new QR code to link again.', key, host),
    };
  },
  megaapi_send_test_message: (input, saved, t) => {
    const { key, host } = target(chooseInstance(input, saved), t);
    const to = chooseRecipient(input);
    const destination = !to.ok ? t('an invalid destination') : to.group ? to.to : formatPhoneNumber(to.to);
    const text = chooseText(input);
    // The model wrote it: shown inert (no bidi tricks, one line) and cut, as a preview.
    const preview = text.ok ? serverText(text.text, 300) : t('no valid text');
    return {
      title: t('Send a real WhatsApp message from {0} on {1} to {2}?', key, host, destination),
      message: t('It reaches a real phone and cannot be taken back. The text: {0}', preview),
    };
  },
  megaapi_restart_instance: (input, saved, t) => {
    const { key, host } = target(chooseInstance(input, saved), t);
    return {
      title: t('Restart {0} on {1}?', key, host),
      message: t('{0} on {1} is offline for a moment while it restarts.', key, host),
    };
  },
};

/** Names what the saved list resolves to; the model's own host text is never echoed. */
function target(choice: InstanceChoice, t: Translate): { key: string; host: string } {
  if (choice.ok) return { key: choice.instance.key, host: hostOf(choice.instance.baseUrl) };
  const key = choice.problem.kind === 'key' ? t('an invalid key') : choice.problem.key;
  return { key, host: t('a host that matches no saved instance') };
}
