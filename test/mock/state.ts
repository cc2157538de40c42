import { EventDeliveries } from './eventsDelivery';
import { MessagesSnapshot, MessagesState } from './messagesState';
import { makeQrContent, renderQrDataUrl } from './qr';
import { WebhookSnapshot, WebhookState } from './webhookState';

export interface MockInstance {
  key: string;
  token: string;
}

export interface MockUser {
  id: string;
  name: string;
  verifiedName: string;
}

export interface InstanceSnapshot extends MessagesSnapshot, WebhookSnapshot {
  connected: boolean;
  currentQr: string | undefined;
  issuedQrs: string[];
  lastPairingCode?: string;
}

const DEFAULT_USER: MockUser = { id: '5511999999999@s.whatsapp.net', name: 'Mock User', verifiedName: '' };

/**
 * One instance's linking state. The QR sequence number is derived from the
 * clock rather than bumped by a timer, so there is nothing to cancel on close
 * and a request can never change the content by itself: only time and
 * `rotate()` do, as on the real server.
 */
export class InstanceState {
  connected = false;
  private flip?: NodeJS.Timeout;
  user: MockUser | undefined;
  lastPairingCode: string | undefined;
  /** Every QR content actually sent to an API client, in order. */
  readonly issued: string[] = [];
  readonly messages: MessagesState;
  readonly webhook = new WebhookState();
  /** The webhook events this instance POSTs (test/mock/eventsDelivery.ts). */
  readonly deliveries: EventDeliveries;
  private windowStart = 0;
  private baseSeq = 0;
  private current: { seq: number; content: string; image?: Promise<string> } | undefined;

  constructor(
    readonly key: string,
    public token: string,
    private readonly rotateMs: number,
    private readonly now: () => number,
  ) {
    this.messages = new MessagesState(now);
    this.deliveries = new EventDeliveries({ key, webhook: this.webhook, ownJid: () => this.user?.id ?? '' }, now);
    this.startLinkingAttempt();
  }

  /** Logout, restart while unlinked and disconnect all begin a fresh attempt whose codes restart at 0. */
  startLinkingAttempt(): void {
    this.windowStart = this.now();
    this.baseSeq = 0;
    this.current = undefined;
  }

  connect(user: Partial<MockUser> = {}): void {
    this.connected = true;
    this.user = { ...DEFAULT_USER, ...user };
    this.current = undefined;
  }

  /**
   * Links or unlinks the instance after `ms`, as a phone going offline does
   * while the extension watches; a second call replaces the first.
   */
  flipIn(ms: number, connected: boolean): void {
    this.cancelFlip();
    this.flip = setTimeout(() => {
      this.flip = undefined;
      if (connected) this.connect();
      else this.disconnect();
    }, ms);
    this.flip.unref();
  }

  cancelFlip(): void {
    if (this.flip) clearTimeout(this.flip);
    this.flip = undefined;
  }

  disconnect(): void {
    this.connected = false;
    this.user = undefined;
    this.startLinkingAttempt();
  }

  /** The linked phone's digits; undefined while unlinked. */
  ownNumber(): string | undefined {
    return this.connected ? this.user?.id.split('@')[0] : undefined;
  }

  /** The content a QR request would get right now; undefined while linked. */
  currentQr(): string | undefined {
    if (this.connected) return undefined;
    const seq = this.baseSeq + Math.floor((this.now() - this.windowStart) / this.rotateMs);
    if (this.current?.seq !== seq) this.current = { seq, content: makeQrContent(this.key, seq) };
    return this.current.content;
  }

  /** Moves to the next content now and gives it a full window, so a test's Refresh sees a stable new QR. */
  rotate(): string | undefined {
    if (this.connected) return undefined;
    this.currentQr();
    this.baseSeq = (this.current?.seq ?? 0) + 1;
    this.windowStart = this.now();
    return this.currentQr();
  }

  /** Records the current content as issued and renders it; undefined while linked. */
  async issueQr(): Promise<{ content: string; dataUrl: string } | undefined> {
    const content = this.currentQr();
    if (content === undefined || !this.current) return undefined;
    const window = this.current;
    window.image ??= renderQrDataUrl(content);
    if (this.issued[this.issued.length - 1] !== content) this.issued.push(content);
    return { content, dataUrl: await window.image };
  }

  snapshot(): InstanceSnapshot {
    const { sentMessages, knownNumbers } = this.messages.snapshot(this.ownNumber());
    // Fields in the order `GET /__mock/state` has always had them, so its JSON reads the same as text.
    const snap: InstanceSnapshot = {
      connected: this.connected,
      currentQr: this.currentQr(),
      issuedQrs: [...this.issued],
      sentMessages,
      ...this.webhook.snapshot(),
      knownNumbers,
    };
    if (this.lastPairingCode !== undefined) snap.lastPairingCode = this.lastPairingCode;
    return snap;
  }
}

export class MockState {
  private readonly instances = new Map<string, InstanceState>();

  constructor(
    private readonly rotateMs: number,
    private readonly now: () => number,
  ) {}

  /** Adding a known key replaces its token and keeps its link, which is how the panel's token rotation looks from outside. */
  upsert({ key, token }: MockInstance): InstanceState {
    const existing = this.instances.get(key);
    if (existing) {
      existing.token = token;
      return existing;
    }
    const created = new InstanceState(key, token, this.rotateMs, this.now);
    this.instances.set(key, created);
    return created;
  }

  find(key: string): InstanceState | undefined {
    return this.instances.get(key);
  }

  /** For the in-process accessors, where a typo in a test should fail loudly rather than read as "no QRs". */
  require(key: string): InstanceState {
    const found = this.instances.get(key);
    if (!found) throw new Error(`Mock MegaAPI has no instance "${key}"`);
    return found;
  }

  reset(): void {
    for (const instance of this.instances.values()) {
      instance.cancelFlip();
      instance.disconnect();
      instance.lastPairingCode = undefined;
      instance.issued.length = 0;
      instance.messages.reset();
      instance.webhook.reset();
      instance.deliveries.reset();
    }
  }

  snapshot(): Record<string, InstanceSnapshot> {
    const out: Record<string, InstanceSnapshot> = {};
    for (const [key, instance] of this.instances) out[key] = instance.snapshot();
    return out;
  }
}
