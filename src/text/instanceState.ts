import { ApiError } from '../api/errors';
import { InstanceStatus } from '../api/replies';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { StatusEntry } from '../instances/statusCache';
import { linkedAccount } from './account';
import { describeError } from './errorText';
import { Translate } from './translate';

/** The failures that stay until the user acts, in two or three words: the sidebar's row and the badge's tooltip. */
export type LastingProblem = 'tokenRejected' | 'notFound' | 'unreachable';

/** A rotated token, a wrong key or host, a host out of reach; a glitch the next check may clear is none of them. */
const LASTING: Partial<Record<ApiError['kind'], LastingProblem>> = {
  unauthorized: 'tokenRejected',
  notFound: 'notFound',
  unreachable: 'unreachable',
  timeout: 'unreachable',
  network: 'unreachable',
};

export function lastingProblem(kind: ApiError['kind']): LastingProblem | undefined {
  return LASTING[kind];
}

/** The short words for a failure; "error" for the ones that are not lasting. */
export function problemText(problem: LastingProblem | undefined, t: Translate): string {
  switch (problem) {
    case 'tokenRejected':
      return t('token rejected');
    case 'notFound':
      return t('not found');
    case 'unreachable':
      return t('unreachable');
    case undefined:
      return t('error');
  }
}

/** A state other than "connected" is the server's own word, made inert; none at all is "not linked". */
export function notLinkedText(status: InstanceStatus, t: Translate): string {
  const raw = serverText(status.status, 60);
  return raw && raw !== 'unknown' ? raw : t('not linked');
}

/** The last known state of one instance in a few words, for a list read by a person or an agent. */
export function instanceStateText(instance: InstanceRef, entry: StatusEntry | undefined, t: Translate): string {
  switch (entry?.kind) {
    case undefined:
      return t('not checked yet');
    case 'checking':
      return t('checking…');
    case 'connected': {
      const who = linkedAccount(entry.status.user);
      return who ? t('connected, linked to {0}', who) : t('connected');
    }
    case 'disconnected':
      return notLinkedText(entry.status, t);
    case 'noToken':
      return t('no token stored on this machine');
    case 'error':
      return describeError(entry.error, { host: hostOf(instance.baseUrl), key: instance.key }, t).message;
  }
}
