import { ApiResult } from '../api/errors';
import { InstanceStatus } from '../api/replies';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { StatusEntry } from '../instances/statusCache';
import { linkedAccount } from '../text/account';
import { describeError } from '../text/errorText';
import { instanceKeyReason } from '../text/reasons';
import { instanceStateText, notLinkedText } from '../text/instanceState';
import { Translate } from '../text/translate';
import { InstanceProblem } from './toolInput';

/**
 * What the tools tell the model (and the chat shows the user), in the user's
 * language. Server words pass through `serverText` (directly or inside
 * `describeError` and `linkedAccount`); no token or QR image is ever an input.
 */

/** A model can ask for a list of every instance; past this the list says how many more there are. */
export const MAX_LISTED = 50;

export function instanceProblemText(problem: InstanceProblem, t: Translate): string {
  switch (problem.kind) {
    case 'key':
      return instanceKeyReason(problem.reason, t);
    case 'ambiguous':
      return t(
        'The key {0} is saved on more than one host: {1}. Call the tool again with the host parameter set to one of them.',
        problem.key,
        hosts(problem.candidates, t),
      );
    case 'unknown':
      if (problem.hostGiven && problem.elsewhere.length > 0) {
        return t('{0} is not saved for that host. It is saved on: {1}.', problem.key, hosts(problem.elsewhere, t));
      }
      if (problem.saved.length === 0) {
        return t(
          'No MegaAPI instance is saved in VS Code yet. The user can add one with the command "MegaAPI: Add Instance".',
        );
      }
      return t(
        'No saved instance has the key {0}. Saved instances: {1}. Other instances can be added only by the user, with the command "MegaAPI: Add Instance".',
        problem.key,
        listed(
          problem.saved.map((i) => t('{0} on {1}', i.key, hostOf(i.baseUrl))),
          t,
        ),
      );
  }
}

/** The last known state of one instance, as one line for the list. */
export function stateLine(instance: InstanceRef, entry: StatusEntry | undefined, t: Translate): string {
  const host = hostOf(instance.baseUrl);
  return t('{0} on {1}: {2}', instance.key, host, instanceStateText(instance, entry, t));
}

export function listText(rows: Array<{ instance: InstanceRef; entry: StatusEntry | undefined }>, t: Translate) {
  if (rows.length === 0) {
    return t(
      'No MegaAPI instance is saved in VS Code yet. The user can add one with the command "MegaAPI: Add Instance".',
    );
  }
  const lines = rows.slice(0, MAX_LISTED).map((row) => `- ${stateLine(row.instance, row.entry, t)}`);
  if (rows.length > MAX_LISTED) lines.push(`- ${t('and {0} more', rows.length - MAX_LISTED)}`);
  return [t('Saved MegaAPI instances ({0}):', rows.length), ...lines].join('\n');
}

/** One status call's answer about an instance: its state and linked account, or the panel's words for the error. */
export function statusText(instance: InstanceRef, result: ApiResult<InstanceStatus>, t: Translate): string {
  const host = hostOf(instance.baseUrl);
  if (!result.ok) return describeError(result.error, { host, key: instance.key }, t).message;
  const status = result.value;
  if (!status.connected) {
    return t(
      '{0} on {1} is not linked to WhatsApp (state: {2}). A phone can be linked with the QR panel or a pairing code.',
      instance.key,
      host,
      notLinkedText(status, t),
    );
  }
  const who = linkedAccount(status.user);
  return who
    ? t('{0} on {1} is connected to WhatsApp, linked to {2}.', instance.key, host, who)
    : t('{0} on {1} is connected to WhatsApp.', instance.key, host);
}

function hosts(instances: InstanceRef[], t: Translate): string {
  return listed(
    instances.map((i) => hostOf(i.baseUrl)),
    t,
  );
}

function listed(items: string[], t: Translate, max = 20): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, ${t('and {0} more', items.length - max)}` : shown;
}
