import { InstanceRef, instanceId } from '../core/instanceRef';
import { logLine } from '../core/serverText';
import { EventFeed, FeedEvent } from '../instances/eventFeed';
import { eventFacts } from './eventFacts';
import { forwardBody } from './forward';
import { EventReceiver, OpenPath, Received } from './receiver';
import { TapCalls, TapOutcome, UndoOutcome, applyTap, undoTap } from './tap';
import { TapMemory } from './tapMemory';
import { TapMode, TapRecord, tapPresent } from './tapPlan';
import { nonceOf } from './tunnel';

export interface ListeningDeps {
  receiver: EventReceiver;
  feed: EventFeed;
  memory: TapMemory;
  calls(instance: InstanceRef): TapCalls;
  /** `megaapi.events.forwardTo`, read at each event; '' when not forwarding. */
  forwardTo(): string;
  log: { info(line: string): void; trace?(line: string): void };
  /** Told once per listening when a re-read finds the tap gone. */
  onTapGone(instance: InstanceRef): void;
  onDidChange(): void;
  now?: () => number;
}

/** One listening instance: its secret path, and the tap once it is written. */
export interface Session {
  readonly instance: InstanceRef;
  readonly open: OpenPath;
  tapUrl?: string;
  record?: TapRecord;
  /** Set when a re-read no longer shows the tap. */
  tapGone: boolean;
  /** Epoch ms of the last re-read that showed the tap, or of the tap. */
  confirmedAt?: number;
}

/** While listening, MegaAPI's configuration is read again this often to catch an app that took the tap away. */
export const RECHECK_MS = 60_000;

/**
 * The listening instances of this window: each has a secret path on the one
 * receiver; what arrives there goes into the feed (and to the handler when
 * forwarding is on). The tap itself is written and undone here; what the
 * user is asked and told is the commands' business.
 */
export class Listening {
  private readonly sessions = new Map<string, Session>();
  private readonly nonces = new Map<string, () => void>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly deps: ListeningDeps) {}

  receiverStart(port: number): Promise<number> {
    return this.deps.receiver.start(port);
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  get(instance: InstanceRef): Session | undefined {
    return this.sessions.get(instanceId(instance));
  }

  /** Opens the instance's secret path (the receiver must have started). */
  open(instance: InstanceRef): Session {
    const existing = this.get(instance);
    if (existing) return existing;
    const open = this.deps.receiver.open((received) => this.take(instance, received));
    const session: Session = { instance, open, tapGone: false };
    this.sessions.set(instanceId(instance), session);
    // The watch and Deep Check read this: pushed connection updates can arrive now.
    this.deps.feed.listening.add(instanceId(instance));
    this.timer ??= setInterval(() => void this.recheckAll(), RECHECK_MS);
    this.timer.unref?.();
    this.deps.onDidChange();
    return session;
  }

  /** Resolves when the receiver takes this nonce on any path. */
  expectNonce(nonce: string): Promise<void> {
    return new Promise((resolve) => this.nonces.set(nonce, resolve));
  }

  dropNonce(nonce: string): void {
    this.nonces.delete(nonce);
  }

  async tap(session: Session, mode: TapMode, tapUrl: string): Promise<TapOutcome> {
    const now = this.deps.now ?? Date.now;
    const outcome = await applyTap(
      session.instance,
      mode,
      tapUrl,
      this.deps.calls(session.instance),
      this.deps.memory,
      now(),
    );
    if (outcome.kind !== 'failed') {
      session.tapUrl = tapUrl;
      session.record = outcome.record;
      session.tapGone = outcome.kind !== 'tapped';
      if (outcome.kind === 'tapped') session.confirmedAt = now();
    }
    this.deps.onDidChange();
    return outcome;
  }

  /** Re-reads the webhook; true when the tap is still there. Undefined when it could not be read. */
  async recheck(session: Session): Promise<boolean | undefined> {
    if (!session.record) return undefined;
    const read = await this.deps.calls(session.instance).read();
    if (!read.result.ok) return undefined;
    const present = tapPresent(read.result.value.fields, session.record);
    const wasGone = session.tapGone;
    session.tapGone = !present;
    if (present) session.confirmedAt = (this.deps.now ?? Date.now)();
    if (!present && !wasGone) this.deps.onTapGone(session.instance);
    if (present !== !wasGone) this.deps.onDidChange();
    return present;
  }

  async recheckAll(): Promise<void> {
    await Promise.all(this.all().map((session) => this.recheck(session).catch(() => undefined)));
  }

  /** Closes the path and puts the webhook back; the path closes even when the restore fails. */
  async stop(instance: InstanceRef): Promise<UndoOutcome | undefined> {
    const session = this.get(instance);
    if (session) this.close(session);
    const record = session?.record ?? (await this.deps.memory.get(instance));
    return record ? undoTap(record, this.deps.calls(instance), this.deps.memory) : undefined;
  }

  close(session: Session): void {
    session.open.close();
    this.sessions.delete(instanceId(session.instance));
    this.deps.feed.listening.delete(instanceId(session.instance));
    if (this.sessions.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    this.deps.onDidChange();
  }

  /** Forwards one stored event to the handler and records the outcome on it. */
  async forward(event: FeedEvent, url = this.deps.forwardTo()): Promise<FeedEvent['forward']> {
    if (url === '' || event.tooLargeBytes !== undefined) return undefined;
    event.forward = await forwardBody(url, event.body, event.contentType);
    this.deps.feed.updated(event);
    return event.forward;
  }

  /**
   * Deactivation: paths close and timers stop at once; the restores are sent
   * but not awaited (VS Code does not wait). What did not finish stays in the
   * memory, and the next start offers it.
   */
  dispose(): void {
    for (const session of this.all()) {
      this.close(session);
      if (session.record) {
        void undoTap(session.record, this.deps.calls(session.instance), this.deps.memory).catch(() => undefined);
      }
    }
  }

  private take(instance: InstanceRef, received: Received): void {
    const nonce = nonceOf(received.json);
    const proved = nonce === undefined ? undefined : this.nonces.get(nonce);
    if (proved && nonce !== undefined) {
      this.nonces.delete(nonce);
      proved();
      return;
    }
    // The receiver's stamp of the request event, for `npm run bench` (event → row on screen); free when tracing is off.
    this.deps.log.trace?.(`mark eventReceived ${instanceId(instance)} ${received.receivedAt}`);
    const event = this.deps.feed.add({ instance, ...received });
    const facts = eventFacts(event.json, event.tooLargeBytes);
    // Kind, instance and message id only: events are customers' messages.
    this.deps.log.info(logLine(`Event ${facts.messageType || facts.kind} ${instance.key} id=${facts.id ?? '-'}`, 200));
    const connection = facts.connection;
    if (connection?.connected !== undefined) {
      this.deps.feed.pushConnection({
        instance,
        connected: connection.connected,
        state: connection.state,
        reason: connection.reason,
        at: event.receivedAt,
      });
    }
    void this.forward(event).catch(() => undefined);
  }
}
