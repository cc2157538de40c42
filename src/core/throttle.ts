/** Where the throttle keeps the time of each key's last action. */
export interface ThrottleStore {
  get(key: string): number | undefined;
  set(key: string, at: number): void;
}

export function memoryStore(): ThrottleStore {
  const map = new Map<string, number>();
  return { get: (key) => map.get(key), set: (key, at) => void map.set(key, at) };
}

/**
 * At most one action per key per window. WhatsApp rate-limits pairing-code
 * requests, and a user who clicks again too soon is better told how long to
 * wait than sent into a ban. The store can be shared by every VS Code window.
 */
export class Throttle {
  constructor(
    private readonly windowMs: number,
    private readonly store: ThrottleStore = memoryStore(),
  ) {}

  /** Milliseconds until `key` may act again; 0 when it may now. */
  remainingMs(key: string, now: number): number {
    const at = this.store.get(key);
    if (at === undefined || !Number.isFinite(at)) return 0;
    // A time in the future (a clock set back, a tampered store) waits one window at most.
    return Math.min(this.windowMs, Math.max(0, at + this.windowMs - now));
  }

  record(key: string, now: number): void {
    this.store.set(key, now);
  }
}
