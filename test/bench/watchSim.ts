import { InstanceRef } from '../../src/core/instanceRef';
import { Drop, Lease, Observation, WatchScheduler } from '../../src/watch/scheduler';
import { FakeClock } from '../unit/support';

export const MINUTE = 60_000;
/** Each status answer takes this long, like a real MegaAPI host. */
export const ANSWER_MS = 300;

/**
 * The health watch with the fake clock (no server, no VS Code): `count`
 * instances at the default interval, every answer taking ANSWER_MS. Shared by
 * the bench (its figures) and test/unit/watch/simulation.test.ts (its checks).
 */
export function simulateWatch(focused: () => boolean, dropAt?: number, count = 50) {
  const clock = new FakeClock();
  const start = clock.now();
  let lease: Lease | undefined;
  let inFlight = 0;
  let peak = 0;
  const requests: number[] = [];
  const drops: Array<Drop & { noticedAt: number }> = [];
  const listeners: Array<(f: boolean) => void> = [];
  const instances: InstanceRef[] = Array.from({ length: count }, (_, i) => ({ baseUrl: 'https://h', key: `k${i}` }));
  const last = `k${count - 1}`;
  const watch = new WatchScheduler({
    clock,
    focus: { focused, onDidChange: (l) => (listeners.push(l), { dispose: () => undefined }) },
    lease: { read: () => lease, write: (l) => (lease = l) },
    owner: 'w',
    intervalMs: () => MINUTE,
    instances: () => instances,
    check: async (instance) => {
      requests.push(clock.now() - start);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise<void>((resolve) => clock.setTimeout(resolve, ANSWER_MS));
      inFlight -= 1;
      const down = dropAt !== undefined && instance.key === last && clock.now() - start >= dropAt;
      return (down ? { kind: 'notLinked', state: 'disconnected' } : { kind: 'connected' }) as Observation;
    },
    knownConnected: () => undefined,
    muted: () => false,
    dropped: (drop) => drops.push({ ...drop, noticedAt: clock.now() - start }),
    reconnected: () => undefined,
  });
  return { clock, watch, requests, drops, peak: () => peak };
}

export interface WatchFigures {
  perMinute: number;
  peak: number;
  unfocused: number;
  /** Ms from the drop to the watch noticing it; undefined if it never did. */
  dropNoticedMs?: number;
}

/** The three watch figures, simulated. */
export async function watchFigures(): Promise<WatchFigures> {
  const focused = simulateWatch(() => true);
  await focused.clock.advance(10 * MINUTE - 1);
  focused.watch.dispose();
  const unfocused = simulateWatch(() => false);
  await unfocused.clock.advance(10 * MINUTE);
  unfocused.watch.dispose();
  // Just after the last instance's check in the second sweep: the worst moment to drop.
  const dropAt = MINUTE + 4_000;
  const drop = simulateWatch(() => true, dropAt);
  await drop.clock.advance(5 * MINUTE);
  drop.watch.dispose();
  return {
    perMinute: focused.requests.length / 10,
    peak: focused.peak(),
    unfocused: unfocused.requests.length,
    dropNoticedMs: drop.drops[0] ? drop.drops[0].noticedAt - dropAt : undefined,
  };
}
