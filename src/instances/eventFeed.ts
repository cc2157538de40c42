import { InstanceRef, instanceId, sameInstance } from '../core/instanceRef';

/** What the developer's own handler answered when an event was forwarded to it. */
export interface ForwardOutcome {
  /** HTTP status, or undefined when no answer came (refused, timed out). */
  status?: number;
  /** Milliseconds from sending to the answer (or to giving up). */
  ms: number;
  /** The first 2 KB of the reply, raw: shown only through `serverText`. */
  replyText?: string;
  /** `timeout`, `refused`, ... when there was no status. */
  failure?: string;
}

/**
 * One webhook event as the local receiver took it. Customers' messages: kept
 * in memory only, never synced or written to disk.
 */
export interface FeedEvent {
  /** Unique and increasing within this window. */
  readonly seq: number;
  readonly instance: InstanceRef;
  /** Epoch ms when the receiver took it. */
  readonly receivedAt: number;
  /** The request's content type, as sent, for byte-identical forwarding. */
  readonly contentType: string;
  /** The body byte for byte; empty for an event refused as too large. */
  readonly body: Uint8Array;
  /** The body parsed, when it was JSON. */
  readonly json: unknown;
  /** Set when the body was over the cap and not kept. */
  readonly tooLargeBytes?: number;
  /** Filled in when the event has been forwarded (the last attempt wins). */
  forward?: ForwardOutcome;
}

export type NewFeedEvent = Omit<FeedEvent, 'seq'>;

/** A connection change learnt from a pushed event, before any status sweep could see it. */
export interface PushedConnection {
  instance: InstanceRef;
  connected: boolean;
  /** The state as the event said it (server text). */
  state: string;
  reason?: string;
  at: number;
}

type Listener<T> = (value: T) => void;

export interface Subscription {
  dispose(): void;
}

/** MegaAPI's events can be large and many; the newest 500 per instance are enough to debug a handler. */
export const EVENTS_KEPT_PER_INSTANCE = 500;

/** An event this recent means a receiver is listening for the instance. */
export const LISTENING_RECENT_MS = 10 * 60_000;

/**
 * The webhook events received in this window, shared by the features that
 * show, forward, check or hand them to an agent. Also carries connection
 * updates pushed by events, so the health watch can act on them at once.
 */
export class EventFeed {
  private readonly events: FeedEvent[] = [];
  private nextSeq = 1;
  private readonly changed = new Set<Listener<FeedEvent | undefined>>();
  private readonly connections = new Set<Listener<PushedConnection>>();
  /**
   * Instances (by `instanceId`) whose events a receiver in this window is
   * listening to: the events feature adds and deletes them. An instance whose
   * events arrived recently counts as listened to as well.
   */
  readonly listening = new Set<string>();

  constructor(private readonly keptPerInstance = EVENTS_KEPT_PER_INSTANCE) {}

  add(event: NewFeedEvent): FeedEvent {
    const stored: FeedEvent = { ...event, seq: this.nextSeq++ };
    this.events.push(stored);
    this.trim(stored.instance);
    this.emit(this.changed, stored);
    return stored;
  }

  /** Newest first; all instances when none is given. */
  recent(instance?: InstanceRef, limit = Number.POSITIVE_INFINITY): FeedEvent[] {
    const out: FeedEvent[] = [];
    for (let i = this.events.length - 1; i >= 0 && out.length < limit; i -= 1) {
      const event = this.events[i];
      if (!instance || sameInstance(event.instance, instance)) out.push(event);
    }
    return out;
  }

  /** Whether an event sent for this instance now would reach this window. */
  isListening(instance: InstanceRef, now = Date.now(), recentMs = LISTENING_RECENT_MS): boolean {
    if (this.listening.has(instanceId(instance))) return true;
    const last = this.recent(instance, 1)[0];
    return last !== undefined && now - last.receivedAt <= recentMs;
  }

  find(seq: number): FeedEvent | undefined {
    return this.events.find((event) => event.seq === seq);
  }

  /** Call after changing an event in place (its forward outcome). */
  updated(event: FeedEvent): void {
    this.emit(this.changed, event);
  }

  clear(instance?: InstanceRef): void {
    const kept = instance ? this.events.filter((event) => !sameInstance(event.instance, instance)) : [];
    this.events.splice(0, this.events.length, ...kept);
    this.emit(this.changed, undefined);
  }

  /** Undefined means "many changed" (a clear). */
  onDidChange(listener: Listener<FeedEvent | undefined>): Subscription {
    return this.listen(this.changed, listener);
  }

  pushConnection(update: PushedConnection): void {
    this.emit(this.connections, update);
  }

  onDidPushConnection(listener: Listener<PushedConnection>): Subscription {
    return this.listen(this.connections, listener);
  }

  private trim(instance: InstanceRef): void {
    let count = 0;
    for (let i = this.events.length - 1; i >= 0; i -= 1) {
      if (!sameInstance(this.events[i].instance, instance)) continue;
      count += 1;
      if (count > this.keptPerInstance) this.events.splice(i, 1);
    }
  }

  private listen<T>(set: Set<Listener<T>>, listener: Listener<T>): Subscription {
    set.add(listener);
    return { dispose: () => set.delete(listener) };
  }

  private emit<T>(set: Set<Listener<T>>, value: T): void {
    for (const listener of [...set]) {
      try {
        listener(value);
      } catch {
        // One listener's fault must not keep the event from the others.
      }
    }
  }
}
