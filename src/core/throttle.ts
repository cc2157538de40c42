import { InstanceRef, instanceId } from './instanceRef';

/** Where the throttle keeps the time of each instance's last action. */
export interface ThrottleStore {
  get(instance: InstanceRef): number | undefined;
  set(instance: InstanceRef, at: number): unknown;
}

export function memoryStore(): ThrottleStore {
  const map = new Map<string, number>();
  return { get: (instance) => map.get(instanceId(instance)), set: (instance, at) => map.set(instanceId(instance), at) };
}

/**
 * At most one action per instance per window. WhatsApp rate-limits
 * pairing-code requests, and a user who clicks again too soon is better told
 * how long to wait than sent into a ban. The store can be shared by every
 * VS Code window.
 */
export class Throttle {
  constructor(
    private readonly windowMs: number,
    private readonly store: ThrottleStore = memoryStore(),
  ) {}

  /** Milliseconds until `instance` may act again; 0 when it may now. */
  remainingMs(instance: InstanceRef, now: number): number {
    const at = this.store.get(instance);
    if (at === undefined || !Number.isFinite(at)) return 0;
    // A time in the future (a clock set back, a tampered store) waits one window at most.
    return Math.min(this.windowMs, Math.max(0, at + this.windowMs - now));
  }

  record(instance: InstanceRef, now: number): void {
    void this.store.set(instance, now);
  }

  /**
   * Records the action before it is attempted, so that another window
   * asking meanwhile already waits; `release` gives the slot back if the
   * action turned out not to count (nothing was issued).
   */
  claim(instance: InstanceRef, now: number): { release(): void } {
    const previous = this.store.get(instance);
    this.record(instance, now);
    return {
      release: () => {
        // Only if no one claimed it since (another window, a later attempt).
        if (this.store.get(instance) === now) void this.store.set(instance, previous ?? 0);
      },
    };
  }
}
