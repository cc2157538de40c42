import { Clock, TimerSlot } from '../core/clock';
import { clampDelay } from '../core/delay';
import { InstanceRef, instanceId } from '../core/instanceRef';

/** What one status check said, in the terms the watch acts on. */
export type Observation =
  | { kind: 'connected' }
  /** Answered, but not linked: `state` is the server's word (disconnected, logged out ...). */
  | { kind: 'notLinked'; state: string }
  | { kind: 'tokenRejected' }
  | { kind: 'notFound' }
  /** No answer worth believing (timeout, 5xx, network, 429): tried again later, with backoff. */
  | { kind: 'failed'; rateLimited?: boolean; retryAfterMs?: number }
  /** Nothing to check: no token on this machine, or the check was not made. */
  | { kind: 'skipped' };

/** What the user is told when a connected instance stops being connected. */
export type DropKind = 'notLinked' | 'tokenRejected' | 'notFound' | 'unreachable';

export interface Drop {
  instance: InstanceRef;
  kind: DropKind;
  /** The server's word for `notLinked`. */
  state?: string;
  /** When the instance was first seen not connected. */
  since: number;
}

/** Whether a VS Code window of this extension is focused, and when that changes. */
export interface FocusSource {
  focused(): boolean;
  onDidChange(listener: (focused: boolean) => void): { dispose(): void };
}

/** The last sweep, shared by every window (a record in globalState): who made it, and when. */
export interface Lease {
  owner: string;
  at: number;
}

export interface LeaseStore {
  read(): Lease | undefined;
  write(lease: Lease): void;
}

export interface WatchDeps {
  clock: Clock;
  focus: FocusSource;
  lease: LeaseStore;
  /** This window, as the lease names it. */
  owner: string;
  /** 0 = the watch is off. */
  intervalMs(): number;
  instances(): InstanceRef[];
  check(instance: InstanceRef): Promise<Observation>;
  /**
   * Whether the instance is known connected before the watch checks it (the
   * QR panel, a Refresh, another window, a past session); undefined when
   * nothing is known. Asked before each check.
   */
  knownConnected(instance: InstanceRef): boolean | undefined;
  muted(instance: InstanceRef): boolean;
  dropped(drop: Drop): void;
  reconnected(instance: InstanceRef): void;
}

/** Requests at once in one sweep: the same cap as the sidebar's, and shared with it by StatusChecks. */
export const SWEEP_CONCURRENCY = 4;
/** The longest an instance waits between two checks while it fails or is told to slow down. */
export const MAX_BACKOFF_MS = 10 * 60_000;
/** A flapping instance speaks at most this often. */
export const NOTIFY_GAP_MS = 10 * 60_000;
/** Unreachable is a drop only when it holds for this many sweeps in a row: one timeout is a glitch. */
export const UNREACHABLE_SWEEPS = 2;
/** A timer can fire a hair early: an instance due within this is checked in this sweep, not the next. */
const DUE_SLACK_MS = 1000;

interface Track {
  /** Connected at the last answer that counted; undefined before any. */
  connected?: boolean;
  failures: number;
  /** The first failure of the current run of failures. */
  failingSince?: number;
  /** Not checked before this time. */
  nextDue: number;
  /** Checked no more until the user edits the token (`token`) or the key and host (`instance`). */
  stopped?: 'token' | 'instance';
  notifiedAt?: number;
}

/**
 * The health watch's clock work, with no VS Code in it: every `intervalMs`,
 * while a window is focused and no other window swept within the interval,
 * it checks the instances that are due, a few at a time, and says when a
 * connected instance drops. What it says, and how, is the adapter's part.
 */
export class WatchScheduler {
  private readonly tracks = new Map<string, Track>();
  private readonly timer: TimerSlot;
  private readonly focusSubscription: { dispose(): void };
  private sweeping?: Promise<void>;
  private disposed = false;

  constructor(private readonly deps: WatchDeps) {
    this.timer = new TimerSlot(deps.clock);
    this.focusSubscription = deps.focus.onDidChange(() => this.arm());
    this.arm();
  }

  /** The interval changed, or the list did: the next sweep is planned again. */
  arm(): void {
    this.timer.clear();
    const interval = this.deps.intervalMs();
    if (this.disposed || interval <= 0 || this.sweeping) return;
    if (!this.deps.focus.focused()) {
      // Looked at again now and then, no request made: a window can report its focus late (a
      // browser workbench at start) without any change event to wake the watch.
      this.timer.set(interval, () => this.arm());
      return;
    }
    const last = this.deps.lease.read()?.at ?? Number.NEGATIVE_INFINITY;
    // On refocus this is 0 when the last sweep (by any window) is older than the interval: one catch-up sweep.
    const wait = clampDelay(last + interval - this.deps.clock.now(), 0, interval);
    this.timer.set(wait, () => void this.sweep());
  }

  /** The token was set or cleared, or the instance was edited: it is checked again at the next sweep. */
  resume(instance: InstanceRef): void {
    this.tracks.delete(instanceId(instance));
  }

  /** A connection update pushed by a webhook event: acted on at once, as a check's answer would be. */
  pushed(instance: InstanceRef, connected: boolean, state: string, at = this.deps.clock.now()): void {
    const track = this.track(instance);
    this.apply(instance, track, connected ? { kind: 'connected' } : { kind: 'notLinked', state }, at);
  }

  /** For tests and the bench: the sweep under way, if any. */
  get running(): Promise<void> | undefined {
    return this.sweeping;
  }

  dispose(): void {
    this.disposed = true;
    this.timer.clear();
    this.focusSubscription.dispose();
  }

  private async sweep(): Promise<void> {
    const { clock, lease, owner } = this.deps;
    const interval = this.deps.intervalMs();
    if (this.disposed || interval <= 0 || !this.deps.focus.focused()) return;
    const start = clock.now();
    const held = lease.read();
    if (held && held.owner !== owner && start - held.at < interval) {
      // Another window swept within the interval; its results reach this one through the shared states.
      this.arm();
      return;
    }
    lease.write({ owner, at: start });
    const due = this.deps.instances().filter((instance) => {
      const track = this.track(instance);
      return !track.stopped && track.nextDue <= start + DUE_SLACK_MS;
    });
    this.sweeping = this.checkAll(due, start, interval);
    try {
      await this.sweeping;
    } finally {
      this.sweeping = undefined;
      this.arm();
    }
  }

  private async checkAll(due: InstanceRef[], start: number, interval: number): Promise<void> {
    const queue = [...due];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const instance = next;
        // Linked since the last sweep (the QR panel, a Refresh): a drop from there is a drop too.
        if (this.deps.knownConnected(instance) === true) this.track(instance).connected = true;
        let seen: Observation;
        try {
          seen = await this.deps.check(instance);
        } catch {
          seen = { kind: 'failed' };
        }
        if (this.disposed) return;
        const track = this.track(instance);
        this.apply(instance, track, seen, this.deps.clock.now());
        track.nextDue = start + this.delayAfter(track, seen, interval);
      }
    };
    await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
  }

  /**
   * Due again one interval after this sweep began, so the cadence holds; a
   * run of failures doubles the wait, and a Retry-After is honoured within
   * [interval, 10 min]: a server's hint never makes the watch faster or
   * silent for hours.
   */
  private delayAfter(track: Track, seen: Observation, interval: number): number {
    if (seen.kind !== 'failed') return interval;
    const backoff = interval * 2 ** Math.min(track.failures - 1, 20);
    const told = seen.retryAfterMs ?? 0;
    return clampDelay(Math.max(backoff, told), interval, Math.max(interval, MAX_BACKOFF_MS));
  }

  private apply(instance: InstanceRef, track: Track, seen: Observation, at: number): void {
    switch (seen.kind) {
      case 'skipped':
        return;
      case 'connected':
        track.failures = 0;
        track.failingSince = undefined;
        if (track.connected === false) this.deps.reconnected(instance);
        track.connected = true;
        return;
      case 'failed':
        track.failures += 1;
        track.failingSince ??= at;
        // Being told to slow down says nothing about the link.
        if (!seen.rateLimited && track.failures >= UNREACHABLE_SWEEPS) {
          this.drop(instance, track, { instance, kind: 'unreachable', since: track.failingSince });
        }
        return;
      case 'notLinked':
        track.failures = 0;
        track.failingSince = undefined;
        this.drop(instance, track, { instance, kind: 'notLinked', state: seen.state, since: at });
        return;
      case 'tokenRejected':
        track.stopped = 'token';
        this.drop(instance, track, { instance, kind: 'tokenRejected', since: at });
        return;
      case 'notFound':
        track.stopped = 'instance';
        this.drop(instance, track, { instance, kind: 'notFound', since: at });
        return;
    }
  }

  /** Only a move away from connected speaks, once, and at most once per NOTIFY_GAP_MS. */
  private drop(instance: InstanceRef, track: Track, drop: Drop): void {
    const was = track.connected;
    track.connected = false;
    if (!was) return;
    if (this.deps.muted(instance)) return;
    const now = this.deps.clock.now();
    if (track.notifiedAt !== undefined && now - track.notifiedAt < NOTIFY_GAP_MS) return;
    track.notifiedAt = now;
    this.deps.dropped(drop);
  }

  private track(instance: InstanceRef): Track {
    const id = instanceId(instance);
    let track = this.tracks.get(id);
    if (!track) {
      track = { connected: this.deps.knownConnected(instance), failures: 0, nextDue: Number.NEGATIVE_INFINITY };
      this.tracks.set(id, track);
    }
    return track;
  }
}
