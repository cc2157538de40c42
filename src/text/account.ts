import { InstanceUser } from '../api/replies';
import { formatPhoneNumber, phoneFromJid } from '../core/phoneNumber';
import { serverText } from '../core/serverText';

/**
 * Who is linked, the same way everywhere: the name WhatsApp shows (the
 * verified business name first), then the number. The names come from the
 * server, so they pass through `serverText`.
 */
export function linkedAccount(user: InstanceUser | undefined): string {
  if (!user) return '';
  const name = serverText(user.verifiedName ?? user.name ?? '', 80);
  const phone = phoneFromJid(user.id);
  return [name, phone ? formatPhoneNumber(phone) : serverText(user.id, 80)].filter(Boolean).join(' · ');
}
