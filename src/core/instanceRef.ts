import { BaseUrlOptions, BaseUrlReason, parseBaseUrl } from './baseUrl';
import { InstanceKeyReason, parseInstanceKey } from './instanceKey';

/** An instance is a key on a host; the same key on two hosts is two instances. */
export interface InstanceRef {
  baseUrl: string;
  key: string;
}

export function instanceId(instance: InstanceRef): string {
  return `${instance.baseUrl}|${instance.key}`;
}

export function sameInstance(a: InstanceRef, b: InstanceRef): boolean {
  return a.baseUrl === b.baseUrl && a.key === b.key;
}

export type InstanceRefProblem = { kind: 'host'; reason: BaseUrlReason } | { kind: 'key'; reason: InstanceKeyReason };

/**
 * Host and key from outside (a command's argument, a restored panel, a deep
 * link) through the input boxes' own parsers, host first. Whether plain http
 * is acceptable is each caller's trust rule, so it is theirs to pass.
 */
export function parseInstanceRef(
  rawBaseUrl: string,
  rawKey: string,
  options: BaseUrlOptions,
): { ok: true; value: InstanceRef } | { ok: false; problem: InstanceRefProblem } {
  const baseUrl = parseBaseUrl(rawBaseUrl, options);
  if (!baseUrl.ok) return { ok: false, problem: { kind: 'host', reason: baseUrl.reason } };
  const key = parseInstanceKey(rawKey);
  if (!key.ok) return { ok: false, problem: { kind: 'key', reason: key.reason } };
  return { ok: true, value: { baseUrl: baseUrl.value, key: key.value } };
}
