import * as assert from 'node:assert/strict';
import { ApiResult } from '../../../src/api/errors';
import { Throttle } from '../../../src/core/throttle';
import { PairingFlow } from '../../../src/qr/pairingFlow';
import { PairingPhase } from '../../../src/qr/phases';
import { PAIRING_THROTTLE_MS } from '../../../src/qr/timing';
import { FakeClock } from '../support';

function setup(answer: () => ApiResult<string> = () => ({ ok: true, value: 'ABCD1234' })) {
  const clock = new FakeClock();
  const views: PairingPhase[] = [];
  const phones: string[] = [];
  const throttle = new Throttle(PAIRING_THROTTLE_MS);
  const make = () =>
    new PairingFlow({
      clock,
      throttle,
      instance: { baseUrl: 'host', key: 'key' },
      fetchCode: async (phone) => {
        phones.push(phone);
        return answer();
      },
      onPhase: (v) => views.push(v),
    });
  return { clock, views, phones, flow: make(), make };
}

describe('PairingFlow', () => {
  it('sends the number as digits and shows the code with its lifetime', async () => {
    const { clock, flow, phones } = setup();
    flow.requestCode('+55 (11) 99999-9999');
    await clock.advance(0);
    assert.deepEqual(phones, ['5511999999999']);
    const view = flow.current;
    assert.ok(view.kind === 'code' && view.code === 'ABCD1234' && view.expiresAt === clock.now() + 160_000);
  });

  it('refuses a bad number without asking the server', async () => {
    const { clock, flow, phones } = setup();
    flow.requestCode('1234');
    await clock.advance(0);
    assert.deepEqual(phones, []);
    assert.deepEqual(flow.current, { kind: 'invalid', phone: '1234', reason: 'length' });
  });

  it('allows one issued code a minute per instance, across panels, and says how long to wait', async () => {
    const { clock, flow, phones, make } = setup();
    flow.requestCode('5511999999999');
    await clock.advance(10_000);
    const again = make(); // a panel closed and opened again
    again.requestCode('5511999999999');
    await clock.advance(0);
    assert.equal(phones.length, 1);
    const view = again.current;
    assert.ok(view.kind === 'throttled' && view.until === clock.now() + 50_000);
    await clock.advance(50_000);
    again.requestCode('5511999999999');
    await clock.advance(0);
    assert.equal(phones.length, 2);
  });

  it('records the throttle before asking, so a second window asking at the same moment waits', async () => {
    const { clock, phones, flow, make } = setup();
    flow.requestCode('+55 11 99999-9999');
    // The other window (another flow over the same shared store) asks before the first code arrived.
    const other = make();
    other.requestCode('+55 11 99999-9999');
    await clock.advance(0);
    assert.equal(phones.length, 1, 'one code, not two');
    assert.equal(other.current.kind, 'throttled');
  });

  it('does not make the user wait after a failure', async () => {
    const { clock, flow, phones } = setup(() => ({ ok: false, error: { kind: 'unreachable', code: 'ECONNREFUSED' } }));
    flow.requestCode('5511999999999');
    await clock.advance(0);
    assert.equal(flow.current.kind, 'error');
    flow.requestCode('5511999999999');
    await clock.advance(0);
    assert.equal(phones.length, 2);
  });
});
