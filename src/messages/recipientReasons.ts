import { phoneReason } from '../text/reasons';
import { Translate } from '../text/translate';
import { RecipientReason } from './recipient';

/** Why an input box refuses a destination, in words; exhaustive by type. */
export function recipientReason(reason: RecipientReason, t: Translate): string {
  switch (reason) {
    case 'group':
      return t('A group id looks like 120363000000000000@g.us or 5511999999999-1600000000@g.us.');
    case 'groupNotHere':
      return t('Enter a phone number: WhatsApp answers this question for people, not groups.');
    default:
      return phoneReason(reason, t);
  }
}
