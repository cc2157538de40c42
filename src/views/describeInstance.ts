import { hostOf } from '../core/baseUrl';
import { formatPhoneNumber, phoneFromJid } from '../core/phoneNumber';
import { StatusEntry } from '../state/statusCache';
import { describeError } from '../ui/errorText';
import { Translate } from '../ui/translate';

export interface InstanceLook {
  description: string;
  /** Plain lines; the tree item renders them as its tooltip. */
  tooltip: string[];
  icon: 'pass-filled' | 'circle-large-outline' | 'question' | 'error' | 'key' | 'sync~spin';
  /** For menus: `instance.connected`, `instance.disconnected`, ... */
  contextValue: string;
}

/** How a saved instance looks in the sidebar, from what is known of it. Never shows a token. */
export function describeInstance(instance: { baseUrl: string; key: string }, entry: StatusEntry | undefined, t: Translate): InstanceLook {
  const host = hostOf(instance.baseUrl);
  const base = [t('Instance: {0}', instance.key), t('Host: {0}', host)];
  const look = (description: string, icon: InstanceLook['icon'], kind: string, state: string): InstanceLook => ({
    description,
    icon,
    contextValue: `instance.${kind}`,
    tooltip: [...base, t('State: {0}', state)],
  });
  switch (entry?.kind) {
    case undefined:
      return look('', 'question', 'unknown', t('not checked yet'));
    case 'checking':
      return look(t('checking…'), 'sync~spin', 'unknown', t('checking…'));
    case 'connected': {
      const user = entry.status.user;
      const phone = user ? phoneFromJid(user.id) : undefined;
      const who = [phone ? formatPhoneNumber(phone) : user?.id, user?.verifiedName ?? user?.name].filter(Boolean).join(' · ');
      return look(who || t('connected'), 'pass-filled', 'connected', t('connected'));
    }
    case 'disconnected': {
      // Values other than "connected" are shown as the server said them.
      const raw = entry.status.status;
      return look(raw && raw !== 'unknown' ? raw : t('not linked'), 'circle-large-outline', 'disconnected', raw || t('not linked'));
    }
    case 'noToken':
      return look(t('no token'), 'key', 'noToken', t('no token stored'));
    case 'error': {
      const message = describeError(entry.error, { host, key: instance.key }, t).message;
      return look(shortError(entry.error.kind, t), 'error', 'error', message);
    }
  }
}

function shortError(kind: string, t: Translate): string {
  switch (kind) {
    case 'unauthorized':
      return t('token rejected');
    case 'notFound':
      return t('not found');
    case 'timeout':
    case 'unreachable':
    case 'network':
      return t('unreachable');
    default:
      return t('error');
  }
}
