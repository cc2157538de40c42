import { hostOf, parseBaseUrl } from '../core/baseUrl';
import { InstanceKeyReason, parseInstanceKey } from '../core/instanceKey';
import { InstanceRef } from '../core/instanceRef';
import { PhoneReason, parsePhoneNumber } from '../core/phoneNumber';

export type InstanceProblem =
  | { kind: 'key'; reason: InstanceKeyReason }
  | { kind: 'unknown'; key: string; hostGiven: boolean; elsewhere: InstanceRef[]; saved: InstanceRef[] }
  | { kind: 'ambiguous'; key: string; candidates: InstanceRef[] };

export type InstanceChoice = { ok: true; instance: InstanceRef } | { ok: false; problem: InstanceProblem };

/**
 * Which saved instance a model means by `{ key, host? }`. Tools act on saved
 * instances only: a model cannot point a token (or a new host) anywhere the
 * user has not already been. The host may be given as the saved base URL or
 * as the host the sidebar shows (`api2.megaapi.com.br`, `127.0.0.1:3000`).
 */
export function chooseInstance(input: unknown, saved: readonly InstanceRef[]): InstanceChoice {
  const fields = (typeof input === 'object' && input !== null ? input : {}) as { key?: unknown; host?: unknown };
  const key = parseInstanceKey(typeof fields.key === 'string' ? fields.key : '');
  if (!key.ok) return { ok: false, problem: { kind: 'key', reason: key.reason } };
  const withKey = saved.filter((s) => s.key === key.value);
  const host = typeof fields.host === 'string' && fields.host.trim() !== '' ? fields.host.trim() : undefined;
  const candidates = host === undefined ? withKey : withKey.filter((s) => sameHost(host, s.baseUrl));
  if (candidates.length === 1) return { ok: true, instance: pick(candidates[0]) };
  if (candidates.length > 1) return { ok: false, problem: { kind: 'ambiguous', key: key.value, candidates } };
  const problem = { kind: 'unknown' as const, key: key.value, hostGiven: host !== undefined };
  return { ok: false, problem: { ...problem, elsewhere: withKey.map(pick), saved: saved.map(pick) } };
}

function sameHost(given: string, baseUrl: string): boolean {
  const parsed = parseBaseUrl(given, { allowInsecureHttp: true });
  if (parsed.ok && parsed.value === baseUrl) return true;
  return given.replace(/\/+$/, '').toLowerCase() === hostOf(baseUrl).toLowerCase();
}

/** Only host and key: a saved record's other fields have no place in what a tool hands on. */
function pick(instance: InstanceRef): InstanceRef {
  return { baseUrl: instance.baseUrl, key: instance.key };
}

export type PhoneChoice = { ok: true; digits: string } | { ok: false; reason: PhoneReason };

export function choosePhone(input: unknown): PhoneChoice {
  const raw = typeof input === 'object' && input !== null ? (input as { phone?: unknown }).phone : undefined;
  const phone = parsePhoneNumber(typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '');
  return phone.ok ? { ok: true, digits: phone.value } : { ok: false, reason: phone.reason };
}
