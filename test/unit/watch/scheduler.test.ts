import * as assert from 'node:assert/strict';
import { InstanceRef } from '../../../src/core/instanceRef';
import {
  Drop,
  FocusSource,
  Lease,
  LeaseStore,
  MAX_BACKOFF_MS,
  NOTIFY_GAP_MS,
  Observation,
  WatchScheduler,
} from '../../../src/watch/scheduler';
import { FakeClock, flush } from '../support';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const INTERVAL = MINUTE;

class FakeFocus implements FocusSource {
  private listeners = new Set<(focused: boolean) => void>();
  constructor(public value = true) {}
  focused() {
    return this.value;
  }
  set(value: boolean) {
    this.value = value;
    for (const listener of [...this.listeners]) listener(value);
  }
  onDidChange(listener: (focused: boolean) => void) {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** globalState as two windows share it. */
class SharedLease implements LeaseStore {
  lease?: Lease;
  read() {
    return this.lease;
  }
  write(lease: Lease) {
    this.lease = lease;
  }
}

const instance = (key: string): InstanceRef => ({ baseUrl: 'https://api.example.com', key });

interface Window {
  watch: WatchScheduler;
  focus: FakeFocus;
  checks: Array<{ key: string; at: number }>;
  drops: Drop[];
  reconnected: string[];
}

function setup(
  options: {
    clock?: FakeClock;
    lease?: SharedLease;
    owner?: string;
    keys?: string[];
    answer?: (key: string, clock: FakeClock) => Observation | Promise<Observation>;
    focused?: boolean;
    interval?: () => number;
    muted?: Set<string>;
    knownConnected?: boolean;
  } = {},
): Window & { clock: FakeClock; lease: SharedLease } {
  const clock = options.clock ?? new FakeClock();
  const lease = options.lease ?? new SharedLease();
  const focus = new FakeFocus(options.focused ?? true);
  const keys = options.keys ?? ['a'];
  const checks: Window['checks'] = [];
  const drops: Drop[] = [];
  const reconnected: string[] = [];
  const answer = options.answer ?? (() => ({ kind: 'connected' }) as Observation);
  const asked = new Set<string>();
  const watch = new WatchScheduler({
    clock,
    focus,
    lease,
    owner: options.owner ?? 'w1',
    intervalMs: options.interval ?? (() => INTERVAL),
    instances: () => keys.map(instance),
    check: async (i) => {
      checks.push({ key: i.key, at: clock.now() });
      return answer(i.key, clock);
    },
    // Known before the first check only: later, only the watch's own checks say anything.
    knownConnected: (i) => {
      if (asked.has(i.key)) return undefined;
      asked.add(i.key);
      return options.knownConnected ?? true;
    },
    muted: (i) => options.muted?.has(i.key) ?? false,
    dropped: (drop) => drops.push(drop),
    reconnected: (i) => reconnected.push(i.key),
  });
  return { watch, focus, checks, drops, reconnected, clock, lease };
}

describe('WatchScheduler', () => {
  it('sweeps at once, then once per interval', async () => {
    const w = setup({ keys: ['a', 'b'] });
    await w.clock.advance(0);
    assert.equal(w.checks.length, 2);
    await w.clock.advance(INTERVAL - 1);
    assert.equal(w.checks.length, 2);
    await w.clock.advance(1);
    assert.equal(w.checks.length, 4);
    await w.clock.advance(10 * INTERVAL);
    assert.equal(w.checks.length, 24);
    w.watch.dispose();
  });

  it('does nothing when the interval is 0', async () => {
    const w = setup({ interval: () => 0 });
    await w.clock.advance(10 * MINUTE);
    assert.equal(w.checks.length, 0);
    assert.equal(w.clock.pending, 0);
  });

  it('pauses while unfocused, and makes one catch-up sweep on refocus only when the last is old', async () => {
    const w = setup();
    await w.clock.advance(0);
    assert.equal(w.checks.length, 1);
    await w.clock.advance(10 * SECOND);
    w.focus.set(false);
    await w.clock.advance(10 * MINUTE);
    assert.equal(w.checks.length, 1, 'no request while unfocused');
    w.focus.set(true);
    await w.clock.advance(0);
    assert.equal(w.checks.length, 2, 'one catch-up sweep');
    // Back to the cadence from the catch-up.
    await w.clock.advance(INTERVAL);
    assert.equal(w.checks.length, 3);

    // Refocused soon after a sweep: no catch-up, the next sweep keeps its time.
    await w.clock.advance(5 * SECOND);
    w.focus.set(false);
    await w.clock.advance(5 * SECOND);
    w.focus.set(true);
    await w.clock.advance(0);
    assert.equal(w.checks.length, 3);
    await w.clock.advance(INTERVAL - 10 * SECOND);
    assert.equal(w.checks.length, 4);
    w.watch.dispose();
  });

  it('starts sweeping when a window reports its focus late, with no change event', async () => {
    const w = setup({ focused: false });
    await w.clock.advance(3 * INTERVAL);
    assert.equal(w.checks.length, 0);
    w.focus.value = true;
    await w.clock.advance(INTERVAL);
    assert.equal(w.checks.length, 1);
    w.watch.dispose();
  });

  it('checks at most 4 instances at once', async () => {
    let inFlight = 0;
    let most = 0;
    const w = setup({
      keys: Array.from({ length: 50 }, (_, i) => `k${i}`),
      answer: async (_, clock) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => clock.setTimeout(resolve, 200));
        inFlight -= 1;
        return { kind: 'connected' };
      },
    });
    await w.clock.advance(INTERVAL - 1);
    assert.equal(w.checks.length, 50);
    assert.equal(most, 4);
    await w.clock.advance(1);
    assert.equal(w.checks.length, 54, 'the next sweep starts one interval after the last began');
    w.watch.dispose();
  });

  it('backs off on failures, doubling up to 10 minutes, then goes back to the cadence', async () => {
    let failing = true;
    const w = setup({ answer: () => (failing ? { kind: 'failed' } : { kind: 'connected' }) });
    await w.clock.advance(40 * MINUTE);
    const gaps = w.checks.slice(1).map((c, i) => (c.at - w.checks[i].at) / MINUTE);
    assert.deepEqual(gaps.slice(0, 6), [1, 2, 4, 8, 10, 10]);
    failing = false;
    await w.clock.advance(MAX_BACKOFF_MS + 3 * INTERVAL);
    const last = w.checks.slice(-4).map((c) => c.at);
    assert.deepEqual(
      last.slice(1).map((at, i) => (at - last[i]) / MINUTE),
      [1, 1, 1],
    );
    w.watch.dispose();
  });

  it('honours Retry-After within [interval, 10 min]', async () => {
    const told = [5 * MINUTE, 1, 24 * 60 * MINUTE];
    const w = setup({ answer: () => ({ kind: 'failed', rateLimited: true, retryAfterMs: told.shift() }) });
    await w.clock.advance(40 * MINUTE);
    const gaps = w.checks.slice(1, 4).map((c, i) => (c.at - w.checks[i].at) / MINUTE);
    assert.deepEqual(gaps, [5, 2, 10]);
    assert.deepEqual(w.drops, [], 'being told to slow down is no drop');
    w.watch.dispose();
  });

  it('stops an instance whose token is rejected until its token changes', async () => {
    let answer: Observation = { kind: 'tokenRejected' };
    const w = setup({ keys: ['a', 'b'], answer: (key) => (key === 'a' ? answer : { kind: 'connected' }) });
    await w.clock.advance(10 * INTERVAL);
    assert.equal(w.checks.filter((c) => c.key === 'a').length, 1);
    assert.equal(w.checks.filter((c) => c.key === 'b').length, 11);
    assert.equal(w.drops.length, 1);
    assert.equal(w.drops[0].kind, 'tokenRejected');
    answer = { kind: 'connected' };
    w.watch.resume(instance('a'));
    await w.clock.advance(INTERVAL);
    assert.equal(w.checks.filter((c) => c.key === 'a').length, 2);
    w.watch.dispose();
  });

  it('stops an unknown instance until it is edited', async () => {
    const w = setup({ answer: () => ({ kind: 'notFound' }) });
    await w.clock.advance(10 * INTERVAL);
    assert.equal(w.checks.length, 1);
    assert.equal(w.drops[0].kind, 'notFound');
    w.watch.dispose();
  });

  it('says a drop once per transition, unreachable only after two sweeps in a row, a return quietly', async () => {
    const script: Observation[] = [
      { kind: 'connected' },
      { kind: 'failed' },
      { kind: 'connected' },
      { kind: 'failed' },
      { kind: 'failed' },
      { kind: 'failed' },
      { kind: 'notLinked', state: 'disconnected' },
    ];
    const w = setup({ answer: () => script.shift() ?? { kind: 'notLinked', state: 'disconnected' } });
    await w.clock.advance(0);
    const start = w.clock.now();
    await w.clock.advance(INTERVAL * 8);
    assert.deepEqual(w.reconnected, [], 'a glitch that clears is not a return');
    assert.equal(w.drops.length, 1);
    assert.equal(w.drops[0].kind, 'unreachable');
    // Since the first failure of the run: 3 minutes after the start.
    assert.equal(w.drops[0].since, start + 3 * INTERVAL);
    w.watch.dispose();
  });

  it('speaks at most once per 10 minutes for a flapping instance, and never for a muted one', async () => {
    let connected = true;
    const w = setup({
      keys: ['a', 'm'],
      muted: new Set(['m']),
      answer: () => (connected ? { kind: 'connected' } : { kind: 'notLinked', state: 'close' }),
    });
    await w.clock.advance(0);
    for (let i = 0; i < 12; i += 1) {
      connected = !connected;
      await w.clock.advance(INTERVAL);
    }
    // Drops at minutes 1, 3, 5 ... 11: the ones at 1 and 11 speak.
    assert.deepEqual(
      w.drops.map((d) => d.instance.key),
      ['a', 'a'],
    );
    assert.equal(w.reconnected.filter((k) => k === 'a').length, 6);
    assert.ok(NOTIFY_GAP_MS === 10 * MINUTE);
    w.watch.dispose();
  });

  it('learns a link made between two sweeps (the QR panel, a Refresh), so the next drop speaks', async () => {
    let known: boolean | undefined = false;
    let answer: Observation = { kind: 'notLinked', state: 'qr' };
    const clock = new FakeClock();
    const drops: Drop[] = [];
    const watch = new WatchScheduler({
      clock,
      focus: new FakeFocus(),
      lease: new SharedLease(),
      owner: 'w',
      intervalMs: () => INTERVAL,
      instances: () => [instance('a')],
      check: async () => answer,
      knownConnected: () => known,
      muted: () => false,
      dropped: (drop) => drops.push(drop),
      reconnected: () => undefined,
    });
    await clock.advance(0);
    // Linked through the panel, then dropped, all within one interval.
    known = true;
    answer = { kind: 'notLinked', state: 'disconnected' };
    await clock.advance(INTERVAL);
    assert.equal(drops.length, 1);
    watch.dispose();
  });

  it('says nothing about an instance not known to be connected', async () => {
    const w = setup({ knownConnected: false, answer: () => ({ kind: 'notLinked', state: 'disconnected' }) });
    await w.clock.advance(5 * INTERVAL);
    assert.deepEqual(w.drops, []);
    w.watch.dispose();
  });

  it('acts on a pushed connection update at once', async () => {
    const w = setup();
    await w.clock.advance(0);
    w.watch.pushed(instance('a'), false, 'phone_disconnected');
    assert.equal(w.drops.length, 1);
    assert.equal(w.drops[0].state, 'phone_disconnected');
    w.watch.pushed(instance('a'), true, 'open');
    assert.deepEqual(w.reconnected, ['a']);
    w.watch.dispose();
  });

  it('lets one of two windows sweep, and hands over when focus moves', async () => {
    const clock = new FakeClock();
    const lease = new SharedLease();
    const one = setup({ clock, lease, owner: 'one' });
    const two = setup({ clock, lease, owner: 'two', focused: false });
    await clock.advance(3 * INTERVAL);
    assert.equal(one.checks.length, 4);
    assert.equal(two.checks.length, 0);
    // Focus moves 20 s after a sweep: the other window waits for the lease to age.
    await clock.advance(20 * SECOND);
    one.focus.set(false);
    two.focus.set(true);
    await clock.advance(39 * SECOND);
    assert.equal(two.checks.length, 0);
    await clock.advance(1 * SECOND);
    assert.equal(two.checks.length, 1);
    assert.equal(lease.lease?.owner, 'two');
    await clock.advance(5 * INTERVAL);
    assert.equal(one.checks.length, 4);
    assert.equal(two.checks.length, 6);
    // Both focused (a race the OS should not allow): still one sweep per interval.
    one.focus.set(true);
    const total = () => one.checks.length + two.checks.length;
    const before = total();
    await clock.advance(10 * INTERVAL);
    assert.equal(total() - before, 10);
    one.watch.dispose();
    two.watch.dispose();
    await flush();
  });
});
