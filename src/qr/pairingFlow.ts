import { ApiResult } from '../api/errors';
import { parsePhoneNumber } from '../core/phoneNumber';
import { InstanceRef } from '../core/instanceRef';
import { Throttle } from '../core/throttle';
import { Clock } from '../core/clock';
import { LatestRequest, settle } from './latest';
import { PairingPhase } from './phases';
import { PAIRING_CODE_LIFETIME_MS } from './timing';

export interface PairingDeps {
  fetchCode(phoneDigits: string, signal: AbortSignal): Promise<ApiResult<string>>;
  clock: Clock;
  /** Shared by every panel and window, so reopening a panel does not reset the wait. */
  throttle: Throttle;
  /** The instance the throttle counts this flow's codes against. */
  instance: InstanceRef;
  onPhase(phase: PairingPhase): void;
}

/** Linking by phone number: validate, throttle, ask once, show the code with its lifetime. */
export class PairingFlow {
  private phase: PairingPhase = { kind: 'idle' };
  private readonly request = new LatestRequest();

  constructor(private readonly deps: PairingDeps) {}

  get current(): PairingPhase {
    return this.phase;
  }

  requestCode(rawPhone: string): void {
    const parsed = parsePhoneNumber(rawPhone);
    if (!parsed.ok) return this.show({ kind: 'invalid', phone: rawPhone, reason: parsed.reason });
    const phone = parsed.value;
    if (this.request.inFlight) return;
    const now = this.deps.clock.now();
    const wait = this.deps.throttle.remainingMs(this.deps.instance, now);
    if (wait > 0) {
      const until = now + wait;
      const shown = this.phase.kind === 'code' || this.phase.kind === 'throttled' ? this.phase : undefined;
      return this.show({ kind: 'throttled', phone, until, code: shown?.code, expiresAt: shown?.expiresAt });
    }
    this.show({ kind: 'loading', phone });
    // Recorded before asking, so a second window asking at the same moment
    // waits instead of getting a second code.
    const claim = this.deps.throttle.claim(this.deps.instance, now);
    this.request.run(
      (signal) => settle(() => this.deps.fetchCode(phone, signal)),
      (result) => {
        if (!result.ok) {
          // Only a code that was issued counts against WhatsApp's limit; a typo in
          // the host should not make the user wait a minute.
          claim.release();
          if (result.error.kind !== 'cancelled') this.show({ kind: 'error', phone, error: result.error });
          return;
        }
        const issuedAt = this.deps.clock.now();
        this.deps.throttle.record(this.deps.instance, issuedAt);
        this.show({ kind: 'code', phone, code: result.value, expiresAt: issuedAt + PAIRING_CODE_LIFETIME_MS });
      },
    );
  }

  dispose(): void {
    this.request.abort();
  }

  private show(phase: PairingPhase): void {
    this.phase = phase;
    this.deps.onPhase(phase);
  }
}
