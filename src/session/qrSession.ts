import { ApiError, ApiResult, isTransient } from '../api/errors';
import { InstanceStatus, QrReply } from '../api/responses';
import { Clock, TimerSlot } from './clock';
import { SessionTiming, backoffMs } from './timing';
import { SessionView, ShownQr } from './view';

export interface SessionDeps {
  fetchQr(signal: AbortSignal): Promise<ApiResult<QrReply>>;
  fetchStatus(signal: AbortSignal): Promise<ApiResult<InstanceStatus>>;
  clock: Clock;
  onView(view: SessionView): void;
  onConnected?(status: InstanceStatus): void;
}

/**
 * The life of one linking attempt on screen: fetch a QR, swap it before it
 * expires, poll for the scan, give up after the cap, back off on failures and
 * pause while hidden. At most one QR request and one status request are in
 * flight; an answer that arrives after a newer request, a pause or dispose is
 * dropped, so an older QR never replaces a newer one.
 */
export class QrSession {
  private view: SessionView = { kind: 'loading' };
  private visible = true;
  private disposed = false;
  private qrRequest?: AbortController;
  private statusRequest?: AbortController;
  private askAgain = false;
  private attemptStartedAt = 0;
  private qrCount = 0;
  private failures = 0;
  private statusFailures = 0;
  private graceUntil = 0;
  private lastQr?: ShownQr;
  private readonly qrTimer: TimerSlot;
  private readonly pollTimer: TimerSlot;

  constructor(
    private readonly deps: SessionDeps,
    private readonly timing: SessionTiming,
  ) {
    this.qrTimer = new TimerSlot(deps.clock);
    this.pollTimer = new TimerSlot(deps.clock);
  }

  get current(): SessionView {
    return this.view;
  }

  get requestsInFlight(): number {
    return (this.qrRequest ? 1 : 0) + (this.statusRequest ? 1 : 0);
  }

  get timersActive(): number {
    return (this.qrTimer.active ? 1 : 0) + (this.pollTimer.active ? 1 : 0);
  }

  start(): void {
    this.newAttempt();
    this.loadQr();
  }

  /** The user asked for a QR (Refresh, Retry, Generate new QR): a fresh attempt, no backoff. */
  refresh(): void {
    if (this.disposed) return;
    // Someone is looking at the panel, so the cap starts over.
    this.failures = 0;
    this.newAttempt();
    this.loadQr();
  }

  setVisible(visible: boolean): void {
    if (this.disposed || visible === this.visible) return;
    this.visible = visible;
    if (!visible) return this.pause();
    if (this.view.kind === 'connected' || this.view.kind === 'expired') return;
    if (this.view.kind === 'error' && !isTransient(this.view.error)) return;
    // The QR on screen may have expired while hidden: fetch a new one at once.
    this.loadQr();
  }

  dispose(): void {
    this.disposed = true;
    this.pause();
  }

  private newAttempt(): void {
    this.attemptStartedAt = this.deps.clock.now();
    this.qrCount = 0;
  }

  private pause(): void {
    this.qrTimer.clear();
    this.pollTimer.clear();
    this.qrRequest?.abort();
    this.statusRequest?.abort();
    this.qrRequest = undefined;
    this.statusRequest = undefined;
    this.askAgain = false;
  }

  private show(view: SessionView): void {
    this.view = view;
    this.deps.onView(view);
  }

  private loadQr(): void {
    if (this.disposed || !this.visible) return;
    if (this.qrRequest) {
      // Coalesce: a burst of clicks costs one more request, not one each.
      this.askAgain = true;
      return;
    }
    this.qrTimer.clear();
    if (this.view.kind !== 'qr') this.show({ kind: 'loading' });
    const request = new AbortController();
    this.qrRequest = request;
    void settle(this.deps.fetchQr(request.signal)).then((result) => {
      if (this.qrRequest !== request) return;
      this.qrRequest = undefined;
      if (this.askAgain) {
        // Asked again while this was in flight: the newer request wins.
        this.askAgain = false;
        return this.loadQr();
      }
      this.onQr(result);
    });
  }

  /** Timer-driven reload, which respects the cap; a user's click does not. */
  private autoLoadQr(): void {
    if (this.deps.clock.now() - this.attemptStartedAt >= this.timing.maxMs) return this.expire();
    this.loadQr();
  }

  private onQr(result: ApiResult<QrReply>): void {
    if (!result.ok) return this.onQrFailure(result.error);
    const now = this.deps.clock.now();
    const reply = result.value;
    if (reply.kind === 'connected') {
      // "Already logged in" is confirmed by the status call, which can lag.
      this.graceUntil = now + this.timing.graceMs;
      this.show({ kind: 'checking' });
      return this.pollStatus();
    }
    if (reply.kind === 'waiting') {
      this.failures++;
      const wait = backoffMs(this.failures, this.timing);
      this.show({ kind: 'waiting', retryAt: now + wait, failures: this.failures });
      this.qrTimer.set(wait, () => this.autoLoadQr());
      return this.ensurePolling();
    }
    this.failures = 0;
    this.qrCount++;
    this.lastQr = { dataUri: reply.image.dataUri, fetchedAt: now, sequence: this.qrCount };
    const showFor = Math.max(this.timing.refreshMs, this.timing.minShowMs);
    const last = this.qrCount >= this.timing.maxQrs || now + showFor - this.attemptStartedAt >= this.timing.maxMs;
    const expiresAt = now + showFor;
    this.show({ kind: 'qr', qr: this.lastQr, nextRefreshAt: last ? undefined : expiresAt, expiresAt, stale: false });
    this.qrTimer.set(showFor, () => (last ? this.expire() : this.autoLoadQr()));
    this.ensurePolling();
  }

  private onQrFailure(error: ApiError): void {
    if (error.kind === 'cancelled') return;
    const now = this.deps.clock.now();
    this.failures++;
    let retryAt: number | undefined;
    if (isTransient(error)) {
      const backoff = backoffMs(this.failures, this.timing);
      const told = error.kind === 'rateLimited' && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
      const wait = Math.max(backoff, told);
      retryAt = now + wait;
      this.qrTimer.set(wait, () => this.autoLoadQr());
    } else {
      // The user must act (new token, other key): asking again would fail the same way.
      this.qrTimer.clear();
      this.pollTimer.clear();
    }
    if (this.lastQr && isTransient(error)) {
      const expiresAt = this.lastQr.fetchedAt + this.timing.refreshMs;
      this.show({ kind: 'qr', qr: this.lastQr, expiresAt, stale: true, error, retryAt });
    } else {
      this.show({ kind: 'error', error, retryAt, failures: this.failures });
    }
  }

  private expire(): void {
    this.qrTimer.clear();
    this.graceUntil = this.deps.clock.now() + this.timing.graceMs;
    this.show({ kind: 'expired', qr: this.lastQr, checking: true });
    this.ensurePolling();
  }

  private ensurePolling(): void {
    if (!this.pollTimer.active && !this.statusRequest) {
      const wait = this.statusFailures === 0 ? this.timing.pollMs : Math.max(this.timing.pollMs, backoffMs(this.statusFailures, this.timing));
      this.pollTimer.set(wait, () => this.pollStatus());
    }
  }

  private pollStatus(): void {
    if (this.disposed || !this.visible || this.statusRequest) return;
    this.pollTimer.clear();
    const request = new AbortController();
    this.statusRequest = request;
    void settle(this.deps.fetchStatus(request.signal)).then((result) => {
      if (this.statusRequest !== request) return;
      this.statusRequest = undefined;
      this.statusFailures = result.ok ? 0 : this.statusFailures + 1;
      if (result.ok && result.value.connected) return this.connected(result.value);
      this.afterStatus();
    });
  }

  private afterStatus(): void {
    const now = this.deps.clock.now();
    const graceOver = now >= this.graceUntil;
    if (this.view.kind === 'checking' && graceOver) {
      // The QR call said "logged in" but the status never agreed: start over.
      this.newAttempt();
      return this.loadQr();
    }
    if (this.view.kind === 'expired' && graceOver) {
      return this.show({ ...this.view, checking: false });
    }
    if (['qr', 'waiting', 'checking', 'expired'].includes(this.view.kind)) this.ensurePolling();
  }

  private connected(status: InstanceStatus): void {
    this.qrTimer.clear();
    this.pollTimer.clear();
    this.show({ kind: 'connected', status });
    this.deps.onConnected?.(status);
  }
}

/** The client returns errors as values; this covers a bug that throws anyway. */
async function settle<T>(promise: Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    return await promise;
  } catch (thrown) {
    return { ok: false, error: { kind: 'network', code: thrown instanceof Error ? thrown.name : 'UNKNOWN' } };
  }
}
