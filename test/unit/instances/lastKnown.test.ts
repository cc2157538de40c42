import * as assert from 'node:assert/strict';
import { Instances } from '../../../src/instances/instances';
import { LAST_KNOWN_SPEC, LastKnownStates, keptEntry } from '../../../src/instances/lastKnown';
import { FakeClock, MapMemento, MapSecrets } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };
const LINKED = { status: 'connected', connected: true, user: { id: '5511999999999@s.whatsapp.net', name: 'Loja' } };

describe('the last known states', () => {
  it('are written once for answers close together, never synced, and read back by another window', async () => {
    const memento = new MapMemento();
    const clock = new FakeClock();
    const one = new Instances(memento, new MapSecrets(), () => clock.now());
    await one.save(A);
    const known = new LastKnownStates(one, clock);
    one.setStatus(A, { kind: 'checking' });
    one.setStatus(A, { kind: 'connected', status: LINKED });
    await clock.advance(1000);
    const stored = memento.values.get(LAST_KNOWN_SPEC.key) as Record<string, { at: number }>;
    assert.equal(Object.values(stored)[0].at, clock.now() - 1000);
    assert.ok(!memento.synced.includes(LAST_KNOWN_SPEC.key));

    // Another window (same globalState) opens on it, with its time.
    const two = new Instances(memento, new MapSecrets(), () => clock.now());
    const other = new LastKnownStates(two, clock);
    assert.equal(other.adopt(), true);
    assert.equal(two.status(A)?.kind, 'connected');
    assert.equal(two.checkedAt(A), clock.now() - 1000);
    // Taken once: an older or equal record changes nothing.
    assert.equal(other.adopt(), false);
    known.dispose();
    other.dispose();
  });

  it('keep link states and lasting failures, not glitches, and only the fields they know', () => {
    assert.deepEqual(keptEntry({ kind: 'connected', status: { ...LINKED, extra: 1 } as never }), {
      kind: 'connected',
      status: {
        status: 'connected',
        connected: true,
        user: { id: LINKED.user.id, name: 'Loja', verifiedName: undefined },
      },
    });
    assert.equal(keptEntry({ kind: 'error', error: { kind: 'server', status: 502 } }), undefined);
    assert.deepEqual(keptEntry({ kind: 'error', error: { kind: 'timeout', seconds: 15 } }), {
      kind: 'error',
      error: { kind: 'unreachable', code: 'ETIMEDOUT' },
    });
    assert.equal(keptEntry({ kind: 'checking' }), undefined);
  });

  it('read a stored value that is not a state as absent', () => {
    assert.equal(LAST_KNOWN_SPEC.valid({ at: 1, entry: { kind: 'error', error: { kind: 'rm -rf' } } }), false);
    assert.equal(LAST_KNOWN_SPEC.valid({ at: 'x', entry: { kind: 'noToken' } }), false);
    assert.equal(LAST_KNOWN_SPEC.valid({ at: 1, entry: { kind: 'connected', status: { status: 1 } } }), false);
    assert.equal(LAST_KNOWN_SPEC.valid({ at: 1, entry: { kind: 'noToken' } }), true);
  });
});
