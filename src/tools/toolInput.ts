import { isGroupJid } from '../api/groups';
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

/** A message's destination: a person's number (digits) or a group id, as the Send Test Message command takes them. */
export type RecipientChoice = { ok: true; to: string; group: boolean } | { ok: false };

export function chooseRecipient(input: unknown): RecipientChoice {
  const raw = typeof input === 'object' && input !== null ? (input as { to?: unknown }).to : undefined;
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  if (isGroupJid(text)) return { ok: true, to: text, group: true };
  const phone = parsePhoneNumber(text);
  return phone.ok ? { ok: true, to: phone.value, group: false } : { ok: false };
}

/** At most this many characters in a message an agent sends. */
export const MAX_MESSAGE = 4096;

export type TextChoice = { ok: true; text: string } | { ok: false; reason: 'empty' | 'long' };

export function chooseText(input: unknown): TextChoice {
  const raw = typeof input === 'object' && input !== null ? (input as { text?: unknown }).text : undefined;
  const text = typeof raw === 'string' ? raw : '';
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  return text.length > MAX_MESSAGE ? { ok: false, reason: 'long' } : { ok: true, text };
}

/** How many events, 1 to 20, 5 when not said. */
export function chooseLimit(input: unknown): number {
  const raw = typeof input === 'object' && input !== null ? (input as { limit?: unknown }).limit : undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isFinite(n) ? Math.min(20, Math.max(1, Math.floor(n))) : 5;
}
