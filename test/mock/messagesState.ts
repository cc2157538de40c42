import { randomBytes } from 'node:crypto';
import { isValidPhoneNumber } from './qr';

export interface SentMessage {
  /** As the client sent it: digits, or a group id ending in `@g.us`. */
  to: string;
  text: string;
  /** The `key.id` the reply carried. */
  id: string;
  time: number;
}

export interface MessagesSnapshot {
  sentMessages: SentMessage[];
  /** Numbers `isOnWhatsApp` answers true for, the linked user's own included. */
  knownNumbers: string[];
}

export const DEFAULT_KNOWN_NUMBER = '5511999999999';

/** What an instance remembers of the texts it sent and the numbers it knows are on WhatsApp. */
export class MessagesState {
  readonly sent: SentMessage[] = [];
  private readonly known = new Set([DEFAULT_KNOWN_NUMBER]);

  constructor(private readonly now: () => number) {}

  /** Ids look like the `3EB0...` ones WhatsApp Web clients generate, so a client that shows them gets a realistic length. */
  recordSent(to: string, text: string): SentMessage {
    const message = { to, text, id: `3EB0${randomBytes(8).toString('hex').toUpperCase()}`, time: this.now() };
    this.sent.push(message);
    return { ...message };
  }

  reset(): void {
    this.sent.length = 0;
    this.known.clear();
    this.known.add(DEFAULT_KNOWN_NUMBER);
  }

  /** Throws on anything but 10-15 digits, so a typo in a test fails where it is made. */
  addKnownNumber(digits: string): void {
    if (!isValidPhoneNumber(digits)) throw new Error(`not a phone number (10-15 digits): "${digits}"`);
    this.known.add(digits);
  }

  knownNumbers(ownNumber: string | undefined): string[] {
    const numbers = [...this.known];
    if (ownNumber !== undefined && !this.known.has(ownNumber)) numbers.push(ownNumber);
    return numbers;
  }

  snapshot(ownNumber: string | undefined): MessagesSnapshot {
    return {
      sentMessages: this.sent.map((m) => ({ ...m })),
      knownNumbers: this.knownNumbers(ownNumber),
    };
  }
}
