/**
 * At most one action per key per window. WhatsApp rate-limits pairing-code
 * requests, and a user who clicks again too soon is better told how long to
 * wait than sent into a ban.
 */
export class Throttle {
  private readonly last = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Milliseconds until `key` may act again; 0 when it may now. */
  remainingMs(key: string, now: number): number {
    const at = this.last.get(key);
    return at === undefined ? 0 : Math.max(0, at + this.windowMs - now);
  }

  record(key: string, now: number): void {
    this.last.set(key, now);
  }
}
