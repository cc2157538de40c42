import { ApiError, ApiResult, isTransient } from '../api/errors';
import { InstanceStatus, QrReply } from '../api/replies';
import { retryDelayMs } from '../core/delay';
import { Clock, TimerSlot } from '../core/clock';
import { LatestRequest, settle } from './latest';
import { QrPhase, ShownQr } from './phases';
import { SessionTiming, backoffMs } from './timing';

export interface SessionDeps {
  fetchQr(signal: AbortSignal): Promise<ApiResult<QrReply>>;
  fetchStatus(signal: AbortSignal): Promise<ApiResult<InstanceStatus>>;
  clock: Clock;
  onPhase(phase: QrPhase): void;
  onConnected?(status: InstanceStatus): void;
}

/**
 * The life of one linking attempt on screen: fetch a QR, swap it before it
 * expires, poll for the scan, give up after the cap, back off on failures and
 * pause while hidden. At most one QR request and one status request are in
 * flight, and the latest of each wins.
 */
export class QrSession {
  private phase: QrPhase = { kind: 'loading' };
  private visible = true;
  private disposed = false;
  private readonly qrRequest = new LatestRequest();
  private readonly statusRequest = new LatestRequest();
  private askAgain = false;
  private attemptStartedAt = 0;
  /** Codes shown, and "already logged in" answers the status did not confirm: both count against the cap. */
  private cycles = 0;
  private failures = 0;
  private statusFailures = 0;
  private lastStatus?: string;
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

  get current(): QrPhase {
    return this.phase;
  }

  get requestsInFlight(): number {
    return (this.qrRequest.inFlight ? 1 : 0) + (this.statusRequest.inFlight ? 1 : 0);
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

  /**
   * Someone asked to see the panel again (Show QR, a deep link, an agent's
   * `megaapi_show_qr`): a new attempt only once the last one is over
   * (expired, or stopped on an error the user had to fix); while it runs,
   * or once linked, nothing is asked of MegaAPI. So a burst of links costs
   * no requests, and the cap is not restarted by anyone but the user's Refresh.
   */
  revisit(): void {
    if (this.disposed) return;
    const phase = this.phase;
    if (phase.kind === 'expired') return this.refresh();
    if (phase.kind === 'error' && !isTransient(phase.error)) return this.refresh();
  }

  setVisible(visible: boolean): void {
    if (this.disposed || visible === this.visible) return;
    this.visible = visible;
    if (!visible) return this.pause();
    if (this.phase.kind === 'connected' || this.phase.kind === 'expired') return;
    if (this.phase.kind === 'error' && !isTransient(this.phase.error)) return;
    // The QR on screen may have expired while hidden: fetch a new one at once.
    this.loadQr();
  }

  dispose(): void {
    this.disposed = true;
    this.pause();
  }

  private newAttempt(): void {
    this.attemptStartedAt = this.deps.clock.now();
    this.cycles = 0;
  }

  private pause(): void {
    this.qrTimer.clear();
    this.pollTimer.clear();
    this.qrRequest.abort();
    this.statusRequest.abort();
    this.askAgain = false;
  }

  private show(phase: QrPhase): void {
    this.phase = phase;
    this.deps.onPhase(phase);
  }

  private loadQr(): void {
    if (this.disposed || !this.visible) return;
    if (this.qrRequest.inFlight) {
      // Coalesce: a burst of clicks costs one more request, not one each.
      this.askAgain = true;
      return;
    }
    this.qrTimer.clear();
    if (this.phase.kind !== 'qr') this.show({ kind: 'loading' });
    this.qrRequest.run(
      (signal) => settle(() => this.deps.fetchQr(signal)),
      (result) => {
        if (!this.askAgain) return this.onQr(result);
        // Asked again while this was in flight: the newer request wins.
        this.askAgain = false;
        this.loadQr();
      },
    );
  }

  private capReached(now: number, extraMs = 0): boolean {
    return this.cycles >= this.timing.maxQrs || now + extraMs - this.attemptStartedAt >= this.timing.maxMs;
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
      this.cycles++;
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
    this.cycles++;
    this.lastQr = { image: reply.image, fetchedAt: now };
    const showFor = Math.max(this.timing.refreshMs, this.timing.minShowMs);
    const last = this.capReached(now, showFor);
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
      const told = error.kind === 'rateLimited' ? error.retryAfterMs : undefined;
      const wait = retryDelayMs(backoffMs(this.failures, this.timing), told, this.timing.retryAfterMaxMs);
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

  private expire(loggedInButStatus?: string): void {
    this.qrTimer.clear();
    this.graceUntil = this.deps.clock.now() + this.timing.graceMs;
    this.show({ kind: 'expired', qr: this.lastQr, checking: true, loggedInButStatus });
    this.ensurePolling();
  }

  /** Failures of either call slow the poll down too: a struggling host is asked less often. */
  private ensurePolling(): void {
    if (this.pollTimer.active || this.statusRequest.inFlight) return;
    const failures = Math.max(this.statusFailures, this.failures);
    const wait = failures === 0 ? this.timing.pollMs : Math.max(this.timing.pollMs, backoffMs(failures, this.timing));
    this.pollTimer.set(wait, () => this.pollStatus());
  }

  private pollStatus(): void {
    if (this.disposed || !this.visible || this.statusRequest.inFlight) return;
    this.pollTimer.clear();
    this.statusRequest.run(
      (signal) => settle(() => this.deps.fetchStatus(signal)),
      (result) => {
        this.statusFailures = result.ok ? 0 : this.statusFailures + 1;
        if (result.ok) this.lastStatus = result.value.status;
        if (result.ok && result.value.connected) return this.connected(result.value);
        this.afterStatus();
      },
    );
  }

  private afterStatus(): void {
    const now = this.deps.clock.now();
    const graceOver = now >= this.graceUntil;
    if (this.phase.kind === 'checking' && graceOver) {
      // The QR call said "logged in" but the status never agreed. Asking again
      // is worth a try, within the same cap as the codes: a server that keeps
      // contradicting itself must not keep the panel busy for ever.
      if (this.capReached(now)) return this.expire(this.lastStatus ?? 'unknown');
      return this.autoLoadQr();
    }
    if (this.phase.kind === 'expired' && graceOver) {
      return this.show({ ...this.phase, checking: false });
    }
    if (['qr', 'waiting', 'checking', 'expired'].includes(this.phase.kind)) this.ensurePolling();
  }

  private connected(status: InstanceStatus): void {
    this.qrTimer.clear();
    this.pollTimer.clear();
    this.show({ kind: 'connected', status });
    this.deps.onConnected?.(status);
  }
}
