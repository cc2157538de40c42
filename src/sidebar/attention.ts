import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { StatusEntry } from '../instances/statusCache';
import { LastingProblem, lastingProblem, problemText } from '../text/instanceState';
import { Translate } from '../text/translate';

export type AttentionReason = LastingProblem;

export interface Attention {
  instance: InstanceRef;
  reason: AttentionReason;
}

/**
 * The failures that stay until the user acts earn the badge; a glitch the
 * next check may clear (a 5xx, a slow-down) is the tree's to show.
 */
export function needingAttention(rows: Array<{ instance: InstanceRef; entry: StatusEntry | undefined }>): Attention[] {
  return rows.flatMap(({ instance, entry }) => {
    const reason = entry?.kind === 'error' ? lastingProblem(entry.error.kind) : undefined;
    return reason ? [{ instance, reason }] : [];
  });
}

/**
 * While an instance is being checked again, its last answer still counts, so
 * a refresh does not make the badge blink off and on.
 */
export function settledEntry(previous: StatusEntry | undefined, current: StatusEntry | undefined) {
  return current?.kind === 'checking' ? previous : current;
}

/** Long lists are cut: a tooltip is read at a glance. */
const MAX_NAMED = 5;

/** The badge on the MegaAPI activity-bar icon: how many need attention, and which; none when all is well. */
export function attentionBadge(list: Attention[], t: Translate): { value: number; tooltip: string } | undefined {
  if (list.length === 0) return undefined;
  const headline =
    list.length === 1
      ? t('1 MegaAPI instance needs attention')
      : t('{0} MegaAPI instances need attention', list.length);
  const named = list
    .slice(0, MAX_NAMED)
    .map((a) => t('{0} on {1} ({2})', a.instance.key, hostOf(a.instance.baseUrl), problemText(a.reason, t)));
  if (list.length > MAX_NAMED) named.push(t('and {0} more', list.length - MAX_NAMED));
  return { value: list.length, tooltip: `${headline}: ${named.join(', ')}` };
}
