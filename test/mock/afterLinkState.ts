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

/** The known fields; any other field set through the control route is kept and served too. */
export interface WebhookData {
  webhookUrl?: string;
  webhookEnabled?: boolean;
  webhookSecondaryUrl?: string;
  [field: string]: unknown;
}

export interface AfterLinkSnapshot {
  sentMessages: SentMessage[];
  webhook: WebhookData;
  /** Bodies of accepted `configWebhook` calls, in order. */
  webhookConfigs: unknown[];
  /** Numbers `isOnWhatsApp` answers true for, the linked user's own included. */
  knownNumbers: string[];
}

export const DEFAULT_KNOWN_NUMBER = '5511999999999';

/**
 * Starts as a customer's live setup, secondary URL included, so a client that
 * rewrites the whole webhook instead of the fields it means to change, or
 * forgets to put the original back, shows up in a test.
 */
const INITIAL_WEBHOOK: WebhookData = {
  webhookUrl: 'https://example.com/hooks/megaapi-original',
  webhookEnabled: true,
  webhookSecondaryUrl: 'https://example.com/hooks/megaapi-secondary',
};

export const MOCK_GROUPS = [{ id: '120363000000000001@g.us', subject: 'Mock Group' }];

/** What an instance remembers from the endpoints a user reaches for once linked. */
export class AfterLinkState {
  readonly sent: SentMessage[] = [];
  readonly webhookConfigs: unknown[] = [];
  webhook: WebhookData = { ...INITIAL_WEBHOOK };
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
    this.webhookConfigs.length = 0;
    this.webhook = { ...INITIAL_WEBHOOK };
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

  /**
   * Returns what is wrong, changing nothing, if a known field has the wrong
   * type. A field set to null is removed, so a test can stage a webhook
   * without, say, a secondary URL.
   */
  mergeWebhook(fields: Record<string, unknown>): string | undefined {
    const problems = Object.entries(fields).flatMap(([name, value]) =>
      value === null ? [] : (webhookFieldProblem(name, value) ?? []),
    );
    if (problems.length > 0) return problems.join('; ');
    const next: WebhookData = { ...this.webhook };
    for (const [name, value] of Object.entries(fields)) {
      if (value === null) delete next[name];
      else next[name] = value;
    }
    this.webhook = next;
    return undefined;
  }

  snapshot(ownNumber: string | undefined): AfterLinkSnapshot {
    return {
      sentMessages: this.sent.map((m) => ({ ...m })),
      webhook: { ...this.webhook },
      webhookConfigs: structuredClone(this.webhookConfigs),
      knownNumbers: this.knownNumbers(ownNumber),
    };
  }
}

/** One check for the API route, the control route and the accessor, so none can store a webhook the others would refuse. */
function webhookFieldProblem(name: string, value: unknown): string | undefined {
  if (name === 'webhookEnabled') return typeof value === 'boolean' ? undefined : 'webhookEnabled must be a boolean';
  if (name !== 'webhookUrl' && name !== 'webhookSecondaryUrl') return undefined;
  if (typeof value !== 'string') return `${name} must be a string`;
  // Empty clears the URL; anything else must be absolute, as MegaAPI's servers cannot resolve a relative one.
  if (value !== '' && !/^https?:\/\/[^\s/]+/i.test(value)) return `${name} must be an http(s) URL`;
  return undefined;
}
