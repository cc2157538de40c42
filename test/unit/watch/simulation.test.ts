import * as assert from 'node:assert/strict';
import { MINUTE, simulateWatch } from '../../bench/watchSim';

/**
 * The bench figures, computed with the fake clock (no server, no
 * VS Code): each status answer takes 300 ms, like a real MegaAPI host. The
 * bench reports the same figures (test/bench/watchSim.ts); these hold them.
 */
describe('the watch, simulated: the figures the issue asks of the bench', () => {
  it('50 instances at the default interval: 50 requests a minute, at most 4 in flight', async () => {
    const sim = simulateWatch(() => true);
    await sim.clock.advance(10 * MINUTE - 1);
    const perMinute = sim.requests.length / 10;
    console.log(`      50 instances, 60 s: ${perMinute} requests a minute, peak ${sim.peak()} in flight`);
    assert.equal(perMinute, 50);
    assert.equal(sim.peak(), 4);
    sim.watch.dispose();
  });

  it('0 requests in 10 unfocused minutes', async () => {
    const sim = simulateWatch(() => false);
    await sim.clock.advance(10 * MINUTE);
    console.log(`      10 unfocused minutes: ${sim.requests.length} requests`);
    assert.equal(sim.requests.length, 0);
    sim.watch.dispose();
  });

  it('a drop is noticed no later than the interval + 5 s, even for the last of 50 instances', async () => {
    // Just after the last instance's check in the second sweep: the worst moment to drop.
    const dropAt = MINUTE + 4_000;
    const sim = simulateWatch(() => true, dropAt);
    await sim.clock.advance(5 * MINUTE);
    assert.equal(sim.drops.length, 1);
    const late = sim.drops[0].noticedAt - dropAt;
    console.log(`      drop of the 50th instance noticed after ${(late / 1000).toFixed(1)} s (interval 60 s)`);
    assert.ok(late <= MINUTE + 5_000, `${late} ms`);
    sim.watch.dispose();
  });
});
