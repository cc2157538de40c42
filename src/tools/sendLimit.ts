import { InstanceRef, instanceId } from '../core/instanceRef';

/** An agent may send at most one message a second and twenty in ten minutes from one instance. */
export const SEND_LIMITS = [
  { count: 1, windowMs: 1_000 },
  { count: 20, windowMs: 10 * 60_000 },
] as const;

/**
 * Sliding windows per instance, for messages an agent sends. A model in a
 * loop must not become a spammer, and WhatsApp bans numbers that send in
 * bursts; the person confirms each message too, but a limit holds even
 * when they click without reading.
 */
export class SendLimit {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits: ReadonlyArray<{ count: number; windowMs: number }> = SEND_LIMITS,
  ) {}

  /** Milliseconds until `instance` may send again; 0 when it may now. */
  waitMs(instance: InstanceRef): number {
    const now = this.now();
    const times = this.recent(instance, now);
    let wait = 0;
    for (const { count, windowMs } of this.limits) {
      const inWindow = times.filter((at) => at > now - windowMs);
      if (inWindow.length >= count) wait = Math.max(wait, inWindow[inWindow.length - count] + windowMs - now);
    }
    return Math.max(0, wait);
  }

  /** Counts one message if the limits allow it now; false (nothing counted) when they do not. */
  take(instance: InstanceRef): boolean {
    if (this.waitMs(instance) > 0) return false;
    const id = instanceId(instance);
    this.sent.set(id, [...this.recent(instance, this.now()), this.now()]);
    return true;
  }

  /** Times within the longest window, oldest first; older ones are forgotten. */
  private recent(instance: InstanceRef, now: number): number[] {
    const longest = Math.max(...this.limits.map((limit) => limit.windowMs));
    const id = instanceId(instance);
    // A clock set back keeps its times: they count until they are old by the new clock too.
    const times = (this.sent.get(id) ?? []).filter((at) => at > now - longest);
    if (times.length === 0) this.sent.delete(id);
    else this.sent.set(id, times);
    return times;
  }
}
