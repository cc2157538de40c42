import { Parsed, fail, ok } from '../core/parsed';
import { PhoneReason, formatPhoneNumber, parsePhoneNumber } from '../core/phoneNumber';

/** Where a test message goes, in the form MegaAPI's `to` takes. */
export type Recipient = { kind: 'person'; to: string } | { kind: 'group'; to: string };

export type RecipientReason = PhoneReason | 'group' | 'groupNotHere';

/**
 * Group ids are `<creator digits>-<timestamp>@g.us` (older groups) or
 * `<18 digits>@g.us` (newer ones).
 */
const GROUP_ID = /^\d{5,20}(-\d{5,20})?@g\.us$/;

/**
 * A phone number typed the way people type them (as for pairing), a person's
 * JID pasted from somewhere (`…@s.whatsapp.net` becomes its digits, which is
 * what MegaAPI wants), or, where `groups` allows it, a group id.
 */
export function parseRecipient(raw: string, options = { groups: true }): Parsed<Recipient, RecipientReason> {
  const text = raw.trim();
  if (/@g\.us$/i.test(text)) {
    if (!options.groups) return fail('groupNotHere');
    const id = text.replace(/@g\.us$/i, '@g.us');
    return GROUP_ID.test(id) ? ok({ kind: 'group', to: id }) : fail('group');
  }
  let number = text;
  if (text.includes('@')) {
    // A device suffix (`:12`) names one of the person's devices; the message is for the person.
    const jid = /^(\d+)(?::\d{1,3})?@(s\.whatsapp\.net|c\.us)$/i.exec(text);
    if (!jid) return fail('digits');
    number = jid[1];
  }
  const phone = parsePhoneNumber(number);
  return phone.ok ? ok({ kind: 'person', to: phone.value }) : phone;
}

/** `+55 11 99999-9999` for a person, the id for a group. */
export function formatRecipient(recipient: Recipient): string {
  return recipient.kind === 'person' ? formatPhoneNumber(recipient.to) : recipient.to;
}
