import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { StatusEntry } from '../instances/statusCache';
import { linkedAccount } from '../text/account';
import { describeError } from '../text/errorText';
import { lastingProblem, notLinkedText, problemText } from '../text/instanceState';
import { Translate } from '../text/translate';

export type InstanceIcon = 'pass-filled' | 'circle-large-outline' | 'question' | 'error' | 'key' | 'sync~spin';

export interface InstanceLook {
  label: string;
  description: string;
  /** Plain lines; the tree item shows them as a plain-text tooltip, never as markdown. */
  tooltip: string[];
  icon: InstanceIcon;
  /** A theme color id, for the states worth a glance. */
  iconColor?: 'testing.iconPassed' | 'errorForeground';
  /** For menus: `instance.connected`, `instance.disconnected`, `instance.unknown`, `instance.noToken`, `instance.error.<kind>`. */
  contextValue: string;
}

/**
 * How a saved instance looks in the sidebar, from what is known of it.
 * It takes only the host and key, so a token cannot reach the item.
 * `checkedAt` is the time of the last answer, already formatted for the user.
 */
/** What else the sidebar knows of a row: the last answer while a check runs, its age, the watch's mute. */
export interface LookExtras {
  settled?: StatusEntry;
  /** Whole minutes since the last answer. */
  minutesAgo?: number;
  muted?: boolean;
}

/** An answer this old says so on its row: it may come from a past session or another window. */
export const STALE_MINUTES = 2;

export function describeInstance(
  instance: InstanceRef,
  entry: StatusEntry | undefined,
  t: Translate,
  checkedAt?: string,
  extras: LookExtras = {},
): InstanceLook {
  let look = baseLook(instance, entry, t, checkedAt);
  // Checked again: the row keeps saying what was last known, with a spinner, never a blank.
  if (entry?.kind === 'checking' && extras.settled && extras.settled.kind !== 'checking') {
    look = { ...baseLook(instance, extras.settled, t, checkedAt), icon: 'sync~spin', iconColor: undefined };
  }
  const parts = [look.description];
  const age = extras.minutesAgo;
  if (age !== undefined && age >= STALE_MINUTES && (entry?.kind !== 'checking' || extras.settled)) {
    parts.push(age >= 120 ? t('checked {0} h ago', Math.floor(age / 60)) : t('checked {0} min ago', age));
  }
  if (extras.muted) {
    parts.unshift(t('muted'));
    look = {
      ...look,
      tooltip: [...look.tooltip, t('Alerts muted on this machine')],
      contextValue: `${look.contextValue}.muted`,
    };
  }
  return { ...look, description: parts.filter(Boolean).join(' · ') };
}

function baseLook(
  instance: InstanceRef,
  entry: StatusEntry | undefined,
  t: Translate,
  checkedAt?: string,
): InstanceLook {
  const host = hostOf(instance.baseUrl);
  const look = (description: string, icon: InstanceIcon, state: string, contextValue: string): InstanceLook => ({
    label: instance.key,
    description,
    icon,
    iconColor: icon === 'pass-filled' ? 'testing.iconPassed' : icon === 'error' ? 'errorForeground' : undefined,
    contextValue: `instance.${contextValue}`,
    tooltip: [
      t('Instance: {0}', instance.key),
      t('Host: {0}', host),
      t('State: {0}', state),
      ...(checkedAt ? [t('Checked at {0}', checkedAt)] : []),
    ],
  });
  switch (entry?.kind) {
    case undefined:
      return look('', 'question', t('not checked yet'), 'unknown');
    case 'checking':
      return look(t('checking…'), 'sync~spin', t('checking…'), 'unknown');
    case 'connected':
      return look(linkedAccount(entry.status.user) || t('connected'), 'pass-filled', t('connected'), 'connected');
    case 'disconnected': {
      // Values other than "connected" are shown as the server said them, made inert.
      const raw = serverText(entry.status.status, 60);
      return look(notLinkedText(entry.status, t), 'circle-large-outline', raw || t('not linked'), 'disconnected');
    }
    case 'noToken':
      return look(t('no token'), 'key', t('no token stored on this machine: use Set Token'), 'noToken');
    case 'error': {
      const message = describeError(entry.error, { host, key: instance.key }, t).message;
      return look(problemText(lastingProblem(entry.error.kind), t), 'error', message, `error.${entry.error.kind}`);
    }
  }
}
