import { MAX_TIMER_MS, clampDelay } from './delay';

/** Time as the session sees it; tests pass a fake one and step it by hand. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * One named timer slot: setting it again replaces the old one, so no timer is
 * ever orphaned. Delays are clamped: Node runs a timer above 2^31−1 ms after
 * 1 ms, which would turn a long wait into a request storm.
 */
export class TimerSlot {
  private handle: unknown;

  constructor(private readonly clock: Clock) {}

  set(ms: number, callback: () => void): void {
    this.clear();
    this.handle = this.clock.setTimeout(
      () => {
        this.handle = undefined;
        callback();
      },
      clampDelay(ms, 0, MAX_TIMER_MS),
    );
  }

  clear(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
  }

  get active(): boolean {
    return this.handle !== undefined;
  }
}
