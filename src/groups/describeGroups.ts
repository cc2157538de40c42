import { ApiError } from '../api/errors';
import { GroupDetails, GroupSummary } from '../api/groups';
import { isNotLinked } from '../api/notLinked';
import { serverText } from '../core/serverText';
import { ErrorContext, describeError } from '../text/errorText';
import { Translate } from '../text/translate';

/** Subjects are at most 100 characters in WhatsApp; anything longer is cut, as any server text is. */
const SUBJECT_MAX = 100;

export interface GroupLook {
  label: string;
  description: string;
  /** Plain text: the subject came from the server. */
  tooltip: string;
}

export function describeGroup(group: GroupSummary, t: Translate): GroupLook {
  const subject = serverText(group.subject, SUBJECT_MAX);
  const count =
    group.participants === undefined
      ? ''
      : group.participants === 1
        ? t('1 participant')
        : t('{0} participants', group.participants);
  return {
    label: subject === '' ? group.id : subject,
    description: count,
    tooltip: [subject, group.id, count].filter((line) => line !== '').join('\n'),
  };
}

/** A failed list read: what MegaAPI answered when the phone is not linked, the usual words otherwise. */
export function describeGroupsError(error: ApiError, context: ErrorContext, t: Translate): GroupLook {
  if (error.kind === 'api' && isNotLinked(error)) {
    const answer = serverText(error.message, 200);
    return {
      label: t('Not linked: MegaAPI answered "{0}"', answer),
      description: '',
      tooltip: t('{0} has no phone linked, so MegaAPI lists no groups. Link a phone with Show QR.', context.key),
    };
  }
  const message = describeError(error, context, t).message;
  return { label: t('Could not list the groups'), description: '', tooltip: message };
}

/** The Show Details document: plain JSON of what was read, every server string made inert and bounded. */
export function groupDetailsDocument(details: GroupDetails): Record<string, unknown> {
  const participants = details.participants.map((p) => serverText(p.id, 80));
  const admins = details.participants
    .filter((p) => p.admin !== undefined)
    .map((p) => ({ id: serverText(p.id, 80), role: serverText(p.admin, 20) }));
  return {
    id: details.id,
    subject: serverText(details.subject, SUBJECT_MAX),
    participantCount: participants.length,
    admins,
    participants,
  };
}
