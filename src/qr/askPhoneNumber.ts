import vscode = require('vscode');
import { parsePhoneNumber } from '../core/phoneNumber';
import { InstanceRef } from '../core/instanceRef';
import { phoneReason } from '../text/reasons';
import { askParsed } from '../prompts/askParsed';

/** The WhatsApp number for a pairing code, as digits. Undefined when the user pressed Esc. */
export function askPhoneNumber(instance: InstanceRef): Promise<string | undefined> {
  const t = vscode.l10n.t;
  return askParsed(
    {
      title: t('Link {0} with a phone number', instance.key),
      prompt: t(
        'The WhatsApp number with country code, digits only. Brazil: 55 + DDD + number, for example 5511999999999.',
      ),
      placeHolder: '5511999999999',
    },
    parsePhoneNumber,
    (reason) => phoneReason(reason, t),
  );
}
