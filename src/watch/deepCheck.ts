import { ApiError, ApiResult } from '../api/errors';
import { NumberCheck, SentText } from '../api/messages';
import { InstanceStatus } from '../api/replies';
import { phoneFromJid } from '../core/phoneNumber';

export type StepName = 'status' | 'number' | 'events';

/** One step of a deep check, with how long it took. */
export interface Step {
  name: StepName;
  ms: number;
  outcome:
    | { kind: 'connected' }
    | { kind: 'notLinked'; state: string }
    | { kind: 'answered'; yes: boolean }
    | { kind: 'eventArrived' }
    | { kind: 'noEvent'; waitedMs: number }
    | { kind: 'failed'; error: ApiError };
}

/** Linked and working; says connected but does not answer; not linked; or the check itself could not tell. */
export type Verdict = 'working' | 'silent' | 'notLinked' | 'unknown';

export interface DeepCheckDeps {
  now(): number;
  status(): Promise<ApiResult<InstanceStatus>>;
  isOnWhatsApp(digits: string): Promise<ApiResult<NumberCheck>>;
  /**
   * Sends a message to the instance's own number and waits for the event that
   * carries its id; undefined when no round trip is made (nobody is listening
   * to its events, or the user declined to send).
   */
  roundTrip?(digits: string): Promise<{ sent: ApiResult<SentText>; arrived?: boolean; waitedMs: number } | undefined>;
}

/**
 * Status can say "connected" while the socket is dead: after it, asking
 * whether the instance's own number is on WhatsApp needs a working socket,
 * and an event round trip (when its events reach this window) proves the
 * whole path.
 */
export async function runDeepCheck(deps: DeepCheckDeps): Promise<{ verdict: Verdict; steps: Step[] }> {
  const steps: Step[] = [];
  const timed = async <T>(name: StepName, run: () => Promise<T>, outcome: (value: T) => Step['outcome']) => {
    const started = deps.now();
    const value = await run();
    steps.push({ name, ms: deps.now() - started, outcome: outcome(value) });
    return value;
  };

  const status = await timed(
    'status',
    () => deps.status(),
    (r) =>
      !r.ok
        ? { kind: 'failed', error: r.error }
        : r.value.connected
          ? { kind: 'connected' }
          : { kind: 'notLinked', state: r.value.status },
  );
  if (!status.ok) return { verdict: 'unknown', steps };
  if (!status.value.connected) return { verdict: 'notLinked', steps };

  const digits = status.value.user ? phoneFromJid(status.value.user.id) : undefined;
  if (!digits) return { verdict: 'unknown', steps };
  const number = await timed(
    'number',
    () => deps.isOnWhatsApp(digits),
    (r) => (r.ok ? { kind: 'answered', yes: r.value.answer === 'yes' } : { kind: 'failed', error: r.error }),
  );
  if (!number.ok || number.value.answer !== 'yes') return { verdict: 'silent', steps };

  if (!deps.roundTrip) return { verdict: 'working', steps };
  const started = deps.now();
  const trip = await deps.roundTrip(digits);
  if (!trip) return { verdict: 'working', steps };
  const ms = deps.now() - started;
  if (!trip.sent.ok) {
    steps.push({ name: 'events', ms, outcome: { kind: 'failed', error: trip.sent.error } });
    return { verdict: 'silent', steps };
  }
  steps.push({
    name: 'events',
    ms,
    outcome: trip.arrived ? { kind: 'eventArrived' } : { kind: 'noEvent', waitedMs: trip.waitedMs },
  });
  return { verdict: trip.arrived ? 'working' : 'silent', steps };
}

/** The event for the message sent: its id when the send's reply gave one, else its text. */
export function eventCarries(json: unknown, id: string | undefined, text: string): boolean {
  if (json === null || typeof json !== 'object') return false;
  const body = json as { key?: { id?: unknown }; message?: Record<string, unknown> };
  if (id !== undefined) return body.key?.id === id;
  const message = body.message;
  const extended = message?.extendedTextMessage as { text?: unknown } | undefined;
  return message?.conversation === text || extended?.text === text;
}
