import * as assert from 'node:assert/strict';
import { ApiError, ApiResult } from '../../../src/api/errors';
import { InstanceStatus, QrReply } from '../../../src/api/replies';
import { parseQrImage } from '../../../src/core/qrImage';
import { QrPhase } from '../../../src/qr/phases';
import { QrSession } from '../../../src/qr/qrSession';
import { DEFAULT_TIMING, SessionTiming } from '../../../src/qr/timing';
import { FakeClock, TINY_PNG } from '../support';

const image = (() => {
  const parsed = parseQrImage(TINY_PNG.toString('base64'));
  if (!parsed.ok) throw new Error('fixture');
  return parsed.value;
})();

type Reply<T> = ApiResult<T> | Promise<ApiResult<T>>;

/** A scripted MegaAPI: each call takes the next queued answer, or the default one. */
class FakeServer {
  qrCalls = 0;
  statusCalls = 0;
  qrQueue: Array<() => Reply<QrReply>> = [];
  statusQueue: Array<() => Reply<InstanceStatus>> = [];
  qrDefault: () => Reply<QrReply> = () => ({ ok: true, value: { kind: 'qr', image } });
  statusDefault: () => Reply<InstanceStatus> = () => ({
    ok: true,
    value: { status: 'disconnected', connected: false },
  });
  fetchQr = async (signal: AbortSignal): Promise<ApiResult<QrReply>> => {
    this.qrCalls++;
    const reply = await (this.qrQueue.shift() ?? this.qrDefault)();
    return signal.aborted ? { ok: false, error: { kind: 'cancelled' } } : reply;
  };
  fetchStatus = async (signal: AbortSignal): Promise<ApiResult<InstanceStatus>> => {
    this.statusCalls++;
    const reply = await (this.statusQueue.shift() ?? this.statusDefault)();
    return signal.aborted ? { ok: false, error: { kind: 'cancelled' } } : reply;
  };
}

function setup(timing: Partial<SessionTiming> = {}) {
  const clock = new FakeClock();
  const server = new FakeServer();
  const views: QrPhase[] = [];
  const connected: InstanceStatus[] = [];
  const session = new QrSession(
    {
      clock,
      fetchQr: server.fetchQr,
      fetchStatus: server.fetchStatus,
      onPhase: (v) => views.push(v),
      onConnected: (s) => connected.push(s),
    },
    { ...DEFAULT_TIMING, ...timing },
  );
  const last = () => views[views.length - 1];
  return { clock, server, views, session, last, connected };
}

const error = (e: ApiError): ApiResult<never> => ({ ok: false, error: e });
const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('QrSession', () => {
  it('shows loading, then the QR, with the time it was fetched and when the next comes', async () => {
    const { clock, session, views, last } = setup();
    session.start();
    assert.equal(views[0].kind, 'loading');
    await clock.advance(0);
    const view = last();
    assert.equal(view.kind, 'qr');
    if (view.kind !== 'qr') return;
    assert.equal(view.qr.fetchedAt, clock.now());
    assert.equal(view.nextRefreshAt, clock.now() + 20_000);
    assert.equal(view.stale, false);
  });

  it('fetches a new QR every refresh period while visible', async () => {
    const { clock, session, server } = setup();
    session.start();
    await clock.advance(0);
    assert.equal(server.qrCalls, 1);
    await clock.advance(20_000);
    assert.equal(server.qrCalls, 2);
    await clock.advance(20_000);
    assert.equal(server.qrCalls, 3);
  });

  it('never swaps a QR sooner than the minimum show time, even if refresh is set shorter', async () => {
    const { clock, session, server } = setup({ refreshMs: 3_000, minShowMs: 10_000 });
    session.start();
    await clock.advance(9_999);
    assert.equal(server.qrCalls, 1);
    await clock.advance(1);
    assert.equal(server.qrCalls, 2);
  });

  it('polls the status every few seconds and, once connected, stops every timer and says who', async () => {
    const { clock, session, server, last, connected } = setup();
    session.start();
    await clock.advance(8_000);
    assert.equal(server.statusCalls, 2);
    server.statusDefault = () => ({
      ok: true,
      value: { status: 'connected', connected: true, user: { id: '5511999999999@s.whatsapp.net' } },
    });
    await clock.advance(4_000);
    assert.equal(last().kind, 'connected');
    assert.equal(connected.length, 1);
    assert.equal(clock.pending, 0);
    const calls = server.qrCalls + server.statusCalls;
    await clock.advance(120_000);
    assert.equal(server.qrCalls + server.statusCalls, calls);
  });

  it('after the cap of QRs shows the last one as expired, keeps checking a little, then stops', async () => {
    const { clock, session, server, last } = setup({ maxQrs: 3, graceMs: 8_000 });
    session.start();
    await clock.advance(40_000);
    assert.equal(server.qrCalls, 3);
    await clock.advance(20_000);
    let view = last();
    assert.equal(view.kind, 'expired');
    assert.ok(view.kind === 'expired' && view.checking && view.qr);
    await clock.advance(8_000);
    view = last();
    assert.ok(view.kind === 'expired' && !view.checking);
    const calls = server.qrCalls + server.statusCalls;
    await clock.advance(600_000);
    assert.equal(server.qrCalls + server.statusCalls, calls, 'nothing runs after the grace period');
    assert.equal(session.timersActive, 0);
  });

  it('after the time cap stops too, and "Generate new QR" starts a new attempt', async () => {
    const { clock, session, server, last } = setup({ maxMs: 50_000, maxQrs: 100, graceMs: 0 });
    session.start();
    await clock.advance(60_000);
    assert.equal(last().kind, 'expired');
    assert.equal(server.qrCalls, 3);
    session.refresh();
    await clock.advance(0);
    assert.equal(last().kind, 'qr');
    assert.equal(server.qrCalls, 4);
  });

  it('a burst of 200 links to an open panel makes no request, and a link after expiry starts one attempt', async () => {
    const { clock, session, server, last } = setup({ maxQrs: 3, graceMs: 0 });
    session.start();
    await clock.advance(0);
    const before = server.qrCalls;
    for (let i = 0; i < 200; i++) session.revisit();
    await clock.advance(0);
    assert.equal(server.qrCalls, before, 'a running attempt is only revealed');
    await clock.advance(80_000);
    assert.equal(last().kind, 'expired');
    const spent = server.qrCalls;
    for (let i = 0; i < 200; i++) session.revisit();
    await clock.advance(0);
    assert.equal(server.qrCalls, spent + 1, 'one new attempt, not 200');
    assert.equal(last().kind, 'qr');
  });

  it('pauses everything while hidden and fetches a fresh QR at once when visible again', async () => {
    const { clock, session, server } = setup();
    session.start();
    await clock.advance(0);
    session.setVisible(false);
    const calls = server.qrCalls + server.statusCalls;
    await clock.advance(300_000);
    assert.equal(server.qrCalls + server.statusCalls, calls);
    assert.equal(session.timersActive, 0);
    session.setVisible(true);
    await clock.advance(0);
    assert.equal(server.qrCalls, 2);
  });

  it('backs off exponentially on transient failures, capped, keeping the last QR marked stale', async () => {
    const { clock, session, server, last } = setup({ backoffBaseMs: 1_000, backoffMaxMs: 4_000 });
    session.start();
    await clock.advance(0);
    server.qrDefault = () => error({ kind: 'server', status: 502 });
    await clock.advance(20_000);
    const view = last();
    assert.ok(view.kind === 'qr' && view.stale && view.error?.kind === 'server');
    const times: number[] = [];
    const start = clock.now();
    server.qrDefault = () => {
      times.push(clock.now() - start);
      return error({ kind: 'server', status: 502 });
    };
    await clock.advance(20_000);
    // 1 s, 2 s, then capped at 4 s between attempts.
    assert.deepEqual(times.slice(0, 5), [1_000, 3_000, 7_000, 11_000, 15_000]);
  });

  it('waits as long as a 429 says before asking again', async () => {
    const { clock, session, server } = setup();
    server.qrQueue.push(() => error({ kind: 'rateLimited', retryAfterMs: 30_000 }));
    session.start();
    await clock.advance(29_999);
    assert.equal(server.qrCalls, 1);
    await clock.advance(1);
    assert.equal(server.qrCalls, 2);
  });

  it('stops on an error only the user can fix, and shows it', async () => {
    const { clock, session, server, last } = setup();
    server.qrDefault = () => error({ kind: 'unauthorized', status: 401 });
    session.start();
    await clock.advance(120_000);
    assert.equal(server.qrCalls, 1);
    const view = last();
    assert.ok(view.kind === 'error' && view.error.kind === 'unauthorized' && view.retryAt === undefined);
    assert.equal(session.timersActive, 0);
  });

  it('treats an empty QR as waiting and retries with backoff, not as an error', async () => {
    const { clock, session, server, last } = setup({ backoffBaseMs: 1_000 });
    server.qrQueue.push(() => ({ ok: true, value: { kind: 'waiting' } }));
    session.start();
    await clock.advance(0);
    assert.equal(last().kind, 'waiting');
    await clock.advance(1_000);
    assert.equal(server.qrCalls, 2);
    assert.equal(last().kind, 'qr');
  });

  it('confirms "already logged in" with the status call, and starts over if it never agrees', async () => {
    const { clock, session, server, last } = setup({ graceMs: 10_000 });
    server.qrQueue.push(() => ({ ok: true, value: { kind: 'connected' } }));
    session.start();
    await clock.advance(0);
    assert.equal(last().kind, 'checking');
    await clock.advance(12_000);
    assert.equal(last().kind, 'qr');
    assert.equal(server.qrCalls, 2);
  });

  it('coalesces a burst of 200 refreshes into one request in flight, and the newest answer wins', async () => {
    const { clock, session, server, last } = setup();
    const first = deferred<ApiResult<QrReply>>();
    const second = deferred<ApiResult<QrReply>>();
    server.qrQueue.push(
      () => first.promise,
      () => second.promise,
    );
    session.start();
    for (let i = 0; i < 200; i++) session.refresh();
    await clock.advance(0);
    assert.equal(server.qrCalls, 1);
    assert.ok(session.requestsInFlight <= 1);
    const older = parseQrImage(TINY_PNG.toString('base64'));
    assert.ok(older.ok);
    first.resolve({ ok: true, value: { kind: 'qr', image: { ...older.value, dataUri: 'data:image/png;base64,OLD' } } });
    await clock.advance(0);
    assert.equal(server.qrCalls, 2, 'the clicks during the request ask once more');
    assert.notEqual(last().kind, 'qr', 'the older answer is not shown');
    second.resolve({ ok: true, value: { kind: 'qr', image } });
    await clock.advance(0);
    const view = last();
    assert.ok(view.kind === 'qr' && view.qr.image.dataUri === image.dataUri);
  });

  it('after dispose in the middle of a request: no view, no timer, no request', async () => {
    const { clock, session, server, views } = setup();
    const pending = deferred<ApiResult<QrReply>>();
    server.qrQueue.push(() => pending.promise);
    session.start();
    await clock.advance(0);
    const seen = views.length;
    session.dispose();
    pending.resolve({ ok: true, value: { kind: 'qr', image } });
    await clock.advance(300_000);
    assert.equal(views.length, seen);
    assert.equal(server.qrCalls, 1);
    assert.equal(clock.pending, 0);
    session.refresh();
    session.setVisible(true);
    await clock.advance(1_000);
    assert.equal(server.qrCalls, 1);
  });
});
