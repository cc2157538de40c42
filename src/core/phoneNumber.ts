import { Parsed, fail, ok } from './parsed';

export type PhoneReason = 'empty' | 'digits' | 'length';

/**
 * WhatsApp pairing wants the full international number as digits only
 * (Brazil: 55 + DDD + number, e.g. 5511999999999). Spaces, dashes, dots,
 * parentheses and a leading `+` are typing habits, so they are dropped.
 */
export function parsePhoneNumber(raw: string): Parsed<string, PhoneReason> {
  const digits = raw.trim().replace(/[\s().+-]/g, '');
  if (digits === '') return fail('empty');
  if (!/^\d+$/.test(digits)) return fail('digits');
  if (digits.length < 10 || digits.length > 15) return fail('length');
  return ok(digits);
}

/** `5511999999999` → `+55 11 99999-9999`; other countries get `+CC rest`. */
export function formatPhoneNumber(digits: string): string {
  const br = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(digits);
  if (br) return `+55 ${br[1]} ${br[2]}-${br[3]}`;
  return `+${digits}`;
}

/** WhatsApp JIDs look like `5511999999999@s.whatsapp.net` or `5511999999999:12@s.whatsapp.net`. */
export function phoneFromJid(jid: string): string | undefined {
  const match = /^(\d{6,15})(?::\d+)?@/.exec(jid);
  return match ? match[1] : undefined;
}
