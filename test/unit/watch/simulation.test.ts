import * as assert from 'node:assert/strict';
import { InstanceRef } from '../../../src/core/instanceRef';
import { Drop, Lease, Observation, WatchScheduler } from '../../../src/watch/scheduler';
import { FakeClock } from '../support';

const MINUTE = 60_000;

/**
 * The bench figures, computed with the fake clock (no server, no
 * VS Code): each status answer takes 300 ms, like a real MegaAPI host.
 */
describe('the watch, simulated: the figures the issue asks of the bench', () => {
  function simulate(focused: () => boolean, dropAt?: number) {
    const clock = new FakeClock();
    const start = clock.now();
    let lease: Lease | undefined;
    let inFlight = 0;
    let peak = 0;
    const requests: number[] = [];
    const drops: Array<Drop & { noticedAt: number }> = [];
    const listeners: Array<(f: boolean) => void> = [];
    const instances: InstanceRef[] = Array.from({ length: 50 }, (_, i) => ({ baseUrl: 'https://h', key: `k${i}` }));
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
        await new Promise<void>((resolve) => clock.setTimeout(resolve, 300));
        inFlight -= 1;
        const down = dropAt !== undefined && instance.key === 'k49' && clock.now() - start >= dropAt;
        return (down ? { kind: 'notLinked', state: 'disconnected' } : { kind: 'connected' }) as Observation;
      },
      knownConnected: () => undefined,
      muted: () => false,
      dropped: (drop) => drops.push({ ...drop, noticedAt: clock.now() - start }),
      reconnected: () => undefined,
    });
    return { clock, watch, requests, drops, peak: () => peak };
  }

  it('50 instances at the default interval: 50 requests a minute, at most 4 in flight', async () => {
    const sim = simulate(() => true);
    await sim.clock.advance(10 * MINUTE - 1);
    const perMinute = sim.requests.length / 10;
    console.log(`      50 instances, 60 s: ${perMinute} requests a minute, peak ${sim.peak()} in flight`);
    assert.equal(perMinute, 50);
    assert.equal(sim.peak(), 4);
    sim.watch.dispose();
  });

  it('0 requests in 10 unfocused minutes', async () => {
    const sim = simulate(() => false);
    await sim.clock.advance(10 * MINUTE);
    console.log(`      10 unfocused minutes: ${sim.requests.length} requests`);
    assert.equal(sim.requests.length, 0);
    sim.watch.dispose();
  });

  it('a drop is noticed no later than the interval + 5 s, even for the last of 50 instances', async () => {
    // Just after the last instance's check in the second sweep: the worst moment to drop.
    const dropAt = MINUTE + 4_000;
    const sim = simulate(() => true, dropAt);
    await sim.clock.advance(5 * MINUTE);
    assert.equal(sim.drops.length, 1);
    const late = sim.drops[0].noticedAt - dropAt;
    console.log(`      drop of the 50th instance noticed after ${(late / 1000).toFixed(1)} s (interval 60 s)`);
    assert.ok(late <= MINUTE + 5_000, `${late} ms`);
    sim.watch.dispose();
  });
});
