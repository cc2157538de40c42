import * as assert from 'node:assert/strict';
import { ApiError, ApiResult } from '../../../src/api/errors';
import { InstanceStatus, QrReply } from '../../../src/api/replies';
import { MAX_TIMER_MS } from '../../../src/core/delay';
import { QrPhase } from '../../../src/qr/phases';
import { QrSession } from '../../../src/qr/qrSession';
import { DEFAULT_TIMING } from '../../../src/qr/timing';
import { FakeClock } from '../support';

const TEN_MINUTES = 600_000;

/** A server that gives the same answer to every call, and counts them. */
function run(qr: () => ApiResult<QrReply>, status: () => ApiResult<InstanceStatus>) {
  const clock = new FakeClock();
  const counts = { qr: 0, status: 0 };
  const phases: QrPhase[] = [];
  const session = new QrSession(
    {
      clock,
      fetchQr: () => {
        counts.qr++;
        return Promise.resolve(qr());
      },
      fetchStatus: () => {
        counts.status++;
        return Promise.resolve(status());
      },
      onPhase: (p) => phases.push(p),
    },
    DEFAULT_TIMING,
  );
  return { clock, counts, phases, session };
}

const fail = (error: ApiError) => (): ApiResult<never> => ({ ok: false, error });
const disconnected = (): ApiResult<InstanceStatus> => ({
  ok: true,
  value: { status: 'disconnected', connected: false },
});

/** Every error the session retries by itself, with the status call failing the same way. */
const RETRYING: Array<[string, ApiError]> = [
  ['server 502', { kind: 'server', status: 502 }],
  ['timeout', { kind: 'timeout', seconds: 15 }],
  ['unreachable', { kind: 'unreachable', code: 'ECONNREFUSED' }],
  ['network', { kind: 'network', code: 'ECONNRESET' }],
  ['not JSON', { kind: 'badPayload', status: 200, reason: 'notJson' }],
  ['not an image', { kind: 'badPayload', status: 200, reason: 'notImage' }],
  ['image too large for a QR', { kind: 'badPayload', status: 200, reason: 'notQrSized' }],
  ['flagged error', { kind: 'api', status: 200, message: 'busy' }],
  ['429 without Retry-After', { kind: 'rateLimited' }],
  ['429 with Retry-After 0', { kind: 'rateLimited', retryAfterMs: 0 }],
  ['429 with a Retry-After past the timer limit', { kind: 'rateLimited', retryAfterMs: 2 ** 31 + 5 }],
  ['429 with a Retry-After of 1e30 ms', { kind: 'rateLimited', retryAfterMs: 1e30 }],
  ['429 with the largest timer value', { kind: 'rateLimited', retryAfterMs: MAX_TIMER_MS }],
];

describe('retries stay bounded whatever the server says (requests in 10 minutes)', () => {
  const report: string[] = [];
  after(() => console.log(`      ${report.join('\n      ')}`));

  for (const [name, error] of RETRYING) {
    it(`${name}: a handful of requests, never a storm`, async () => {
      const { clock, counts, session } = run(fail(error), fail(error));
      session.start();
      await clock.advance(TEN_MINUTES);
      const total = counts.qr + counts.status;
      report.push(`${name}: ${counts.qr} QR + ${counts.status} status = ${total}`);
      // Backoff 2, 4, 8 … 60 s, and the 3-minute cap: about a dozen QR calls at most.
      assert.ok(counts.qr <= 15, `${counts.qr} QR requests`);
      assert.ok(total <= 30, `${total} requests`);
      session.dispose();
    });
  }

  it('an empty QR (still preparing) while the status answers: bounded by the cap, then quiet', async () => {
    const { clock, counts, session, phases } = run(() => ({ ok: true, value: { kind: 'waiting' } }), disconnected);
    session.start();
    await clock.advance(TEN_MINUTES);
    report.push(`waiting: ${counts.qr} QR + ${counts.status} status`);
    assert.ok(counts.qr <= 15 && counts.status <= 60, JSON.stringify(counts));
    assert.equal(phases[phases.length - 1].kind, 'expired');
    const before = counts.qr + counts.status;
    await clock.advance(TEN_MINUTES);
    assert.equal(counts.qr + counts.status, before, 'nothing after the cap and its grace period');
  });

  it('a Retry-After that overflows a timer never becomes a 1 ms timer', async () => {
    const { clock, counts, session } = run(fail({ kind: 'rateLimited', retryAfterMs: 2 ** 31 + 5 }), disconnected);
    session.start();
    await clock.advance(60_000);
    assert.equal(counts.qr, 1, 'one request, then a long wait');
    session.dispose();
  });

  it('"already logged in" while the status keeps saying disconnected: stops at the cap and says what it saw', async () => {
    const { clock, counts, session, phases } = run(() => ({ ok: true, value: { kind: 'connected' } }), disconnected);
    session.start();
    await clock.advance(TEN_MINUTES);
    report.push(`already logged in vs disconnected: ${counts.qr} QR + ${counts.status} status`);
    assert.ok(counts.qr <= DEFAULT_TIMING.maxQrs, `${counts.qr} QR requests`);
    assert.ok(counts.qr + counts.status <= 60, JSON.stringify(counts));
    const last = phases[phases.length - 1];
    assert.ok(last.kind === 'expired' && last.loggedInButStatus === 'disconnected', JSON.stringify(last));
    const before = counts.qr + counts.status;
    await clock.advance(TEN_MINUTES);
    assert.equal(counts.qr + counts.status, before);
  });

  it('a fetch that throws instead of answering becomes an error on screen, not an unhandled rejection', async () => {
    const clock = new FakeClock();
    const phases: QrPhase[] = [];
    const session = new QrSession(
      {
        clock,
        fetchQr: () => {
          throw new TypeError('broken client');
        },
        fetchStatus: () => Promise.reject(new Error('broken too')),
        onPhase: (p) => phases.push(p),
      },
      DEFAULT_TIMING,
    );
    session.start();
    await clock.advance(1_000);
    const last = phases[phases.length - 1];
    assert.ok(last.kind === 'error' && last.error.kind === 'internal', JSON.stringify(last));
    session.dispose();
  });
});
