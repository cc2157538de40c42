import { serverText } from '../core/serverText';
import { Translate } from '../text/translate';
import { EventFacts } from './eventFacts';

/** A row's label is one line in a tree: the whole of it stays short. */
const MAX_LABEL = 160;

/** "Maria (5511999999999)" from the push name and the chat's number. */
function who(facts: EventFacts): string {
  const number = facts.chat ? facts.chat.replace(/@(s\.whatsapp\.net|c\.us)$/, '') : '';
  const name = serverText(facts.pushName ?? '', 40);
  const shownNumber = serverText(number, 40);
  if (name && shownNumber) return `${name} (${shownNumber})`;
  return name || shownNumber || '?';
}

function ackWord(ack: number | undefined, t: Translate): string {
  switch (ack) {
    case 0:
      return t('error');
    case 1:
      return t('pending');
    case 2:
      return t('sent');
    case 3:
      return t('delivered');
    case 4:
      return t('read');
    case 5:
      return t('played');
    default:
      return t('status {0}', ack === undefined ? '?' : ack);
  }
}

function mediaWord(kind: string | undefined, t: Translate): string {
  switch (kind) {
    case 'image':
      return t('Image');
    case 'video':
      return t('Video');
    case 'audio':
      return t('Audio');
    case 'sticker':
      return t('Sticker');
    default:
      return t('Document');
  }
}

/**
 * What the event is, in one inert line: every server word goes through
 * `serverText`, and the whole line is bounded, whatever the event holds.
 */
export function eventLabel(facts: EventFacts, t: Translate, sizeBytes = 0): string {
  const text = serverText(facts.text ?? '', 100);
  const id = serverText(facts.id ?? '?', 40);
  const type = serverText(facts.messageType, 60);
  const out = facts.direction === 'out';
  let label: string;
  switch (facts.kind) {
    case 'text':
      label = out ? t('You sent to {0}: {1}', who(facts), text) : t('{0}: {1}', who(facts), text);
      break;
    case 'media': {
      const kind = mediaWord(facts.mediaKind, t);
      label = out
        ? t('{0} you sent to {1}: {2}', kind, who(facts), text)
        : t('{0} from {1}: {2}', kind, who(facts), text);
      break;
    }
    case 'location':
      label = t('Location from {0}: {1}, {2}', who(facts), facts.latitude ?? '?', facts.longitude ?? '?');
      break;
    case 'contact':
      label = t('Contact from {0}: {1}', who(facts), text);
      break;
    case 'ack':
      label = t('Ack: {0} (message {1})', ackWord(facts.ack, t), id);
      break;
    case 'connection': {
      const state = serverText(facts.connection?.state ?? '', 40) || '?';
      const reason = serverText(facts.connection?.reason ?? '', 60);
      label = reason ? t('Connection update: {0} ({1})', state, reason) : t('Connection update: {0}', state);
      break;
    }
    case 'other':
      label = t('{0} from {1}', type, who(facts));
      break;
    case 'tooLarge':
      label = t('Too large ({0} MB), not kept', (sizeBytes / (1024 * 1024)).toFixed(1));
      break;
    case 'notJson':
      label = t('Not JSON ({0} bytes)', sizeBytes);
      break;
    default:
      label = type ? t('Unknown messageType "{0}"', type) : t('Event without a messageType');
  }
  return serverText(label, MAX_LABEL);
}
