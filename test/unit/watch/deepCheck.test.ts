import * as assert from 'node:assert/strict';
import { failure, success } from '../../../src/api/errors';
import { InstanceStatus } from '../../../src/api/replies';
import { DeepCheckDeps, eventCarries, runDeepCheck } from '../../../src/watch/deepCheck';
import { stepText, verdictText } from '../../../src/watch/deepCheckText';
import { english } from '../support';

const LINKED: InstanceStatus = { status: 'connected', connected: true, user: { id: '5511999999999@s.whatsapp.net' } };

function deps(overrides: Partial<DeepCheckDeps> = {}): DeepCheckDeps & { asked: string[] } {
  let time = 0;
  const asked: string[] = [];
  return {
    asked,
    now: () => (time += 100),
    status: async () => success(LINKED),
    isOnWhatsApp: async (digits) => {
      asked.push(digits);
      return success({ answer: 'yes' });
    },
    ...overrides,
  };
}

describe('Deep Check', () => {
  it('is working when the status says connected and the own number is answered', async () => {
    const d = deps();
    const { verdict, steps } = await runDeepCheck(d);
    assert.equal(verdict, 'working');
    assert.deepEqual(d.asked, ['5511999999999']);
    assert.deepEqual(
      steps.map((s) => stepText(s, english)),
      ['Status: connected (100 ms)', 'Own number on WhatsApp: yes (100 ms)'],
    );
    assert.equal(
      verdictText(verdict, { baseUrl: 'https://h', key: 'k' }, english),
      'MegaAPI: k is linked and working.',
    );
  });

  it('says "connected but does not answer" when the number check fails or says no', async () => {
    const failing = await runDeepCheck(deps({ isOnWhatsApp: async () => failure({ kind: 'timeout', seconds: 15 }) }));
    assert.equal(failing.verdict, 'silent');
    assert.match(stepText(failing.steps[1], english), /failed, unreachable/);
    const no = await runDeepCheck(deps({ isOnWhatsApp: async () => success({ answer: 'no' }) }));
    assert.equal(no.verdict, 'silent');
  });

  it('is not linked when the status says so, and asks nothing more', async () => {
    const d = deps({ status: async () => success({ status: 'disconnected', connected: false }) });
    const { verdict, steps } = await runDeepCheck(d);
    assert.equal(verdict, 'notLinked');
    assert.deepEqual(d.asked, []);
    assert.equal(stepText(steps[0], english), 'Status: "disconnected" (100 ms)');
  });

  it('cannot tell when the status itself fails', async () => {
    const { verdict } = await runDeepCheck(
      deps({ status: async () => failure({ kind: 'unauthorized', status: 401 }) }),
    );
    assert.equal(verdict, 'unknown');
  });

  it('makes the event round trip only when offered one, and judges by it', async () => {
    const arrived = await runDeepCheck(
      deps({ roundTrip: async () => ({ sent: success({ id: 'ABC' }), arrived: true, waitedMs: 800 }) }),
    );
    assert.equal(arrived.verdict, 'working');
    assert.match(stepText(arrived.steps[2], english), /^Event round trip: the message came back/);
    const lost = await runDeepCheck(
      deps({ roundTrip: async () => ({ sent: success({ id: 'ABC' }), arrived: false, waitedMs: 30_000 }) }),
    );
    assert.equal(lost.verdict, 'silent');
    assert.equal(stepText(lost.steps[2], english), 'Event round trip: no event within 30.0 s');
    const declined = await runDeepCheck(deps({ roundTrip: async () => undefined }));
    assert.equal(declined.verdict, 'working');
    assert.equal(declined.steps.length, 2);
  });

  it('recognises the event of the message it sent, by id or else by text', () => {
    assert.ok(eventCarries({ key: { id: 'ABC' } }, 'ABC', 'x'));
    assert.ok(!eventCarries({ key: { id: 'ABD' } }, 'ABC', 'x'));
    assert.ok(eventCarries({ message: { conversation: 'hello' } }, undefined, 'hello'));
    assert.ok(eventCarries({ message: { extendedTextMessage: { text: 'hello' } } }, undefined, 'hello'));
    assert.ok(!eventCarries(null, undefined, 'hello'));
  });
});
