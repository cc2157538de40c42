import { ApiResult } from '../api/errors';
import { parsePhoneNumber } from '../core/phoneNumber';
import { Throttle } from '../core/throttle';
import { Clock } from './clock';
import { PAIRING_CODE_LIFETIME_MS, PairingView } from './pairing';

export interface PairingDeps {
  fetchCode(phoneDigits: string, signal: AbortSignal): Promise<ApiResult<string>>;
  clock: Clock;
  /** Shared by every panel, so reopening a panel does not reset the wait. */
  throttle: Throttle;
  throttleKey: string;
  onView(view: PairingView): void;
}

/** Linking by phone number: validate, throttle, ask once, show the code with its lifetime. */
export class PairingFlow {
  private view: PairingView = { kind: 'idle' };
  private request?: AbortController;

  constructor(private readonly deps: PairingDeps) {}

  get current(): PairingView {
    return this.view;
  }

  requestCode(rawPhone: string): void {
    const parsed = parsePhoneNumber(rawPhone);
    if (!parsed.ok) return this.show({ kind: 'invalid', phone: rawPhone, reason: parsed.reason });
    const phone = parsed.value;
    if (this.request) return;
    const now = this.deps.clock.now();
    const wait = this.deps.throttle.remainingMs(this.deps.throttleKey, now);
    if (wait > 0) {
      const until = now + wait;
      const shown = this.view.kind === 'code' || this.view.kind === 'throttled' ? this.view : undefined;
      return this.show({ kind: 'throttled', phone, until, code: shown?.code, expiresAt: shown?.expiresAt });
    }
    this.show({ kind: 'loading', phone });
    const request = new AbortController();
    this.request = request;
    void this.deps.fetchCode(phone, request.signal).then((result) => {
      if (this.request !== request) return;
      this.request = undefined;
      if (!result.ok) {
        if (result.error.kind !== 'cancelled') this.show({ kind: 'error', phone, error: result.error });
        return;
      }
      // Only a code that was issued counts against WhatsApp's limit; a typo in
      // the host should not make the user wait a minute.
      const issuedAt = this.deps.clock.now();
      this.deps.throttle.record(this.deps.throttleKey, issuedAt);
      this.show({ kind: 'code', phone, code: result.value, expiresAt: issuedAt + PAIRING_CODE_LIFETIME_MS });
    });
  }

  dispose(): void {
    this.request?.abort();
    this.request = undefined;
  }

  private show(view: PairingView): void {
    this.view = view;
    this.deps.onView(view);
  }
}
