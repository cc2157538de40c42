import { parseBaseUrl } from '../core/baseUrl';
import { parseInstanceKey } from '../core/instanceKey';
import { InstanceRef } from '../core/instanceRef';
import { ApiError } from './errors';

export interface RequestPolicy {
  /** `megaapi.allowInsecureHttp`, read at the moment of the request. */
  allowInsecureHttp: boolean;
  timeoutMs: number;
}

/**
 * The one gate every request passes before the token leaves the machine. A
 * saved instance is checked again each time, so turning
 * `megaapi.allowInsecureHttp` off stops plain-http requests from every
 * command at once, not only from new prompts.
 */
export function refusal(instance: InstanceRef, token: string | undefined, policy: RequestPolicy): ApiError | undefined {
  const host = parseBaseUrl(instance.baseUrl, { allowInsecureHttp: policy.allowInsecureHttp });
  if (!host.ok) return host.reason === 'insecure' ? { kind: 'insecureHost' } : { kind: 'invalidHost' };
  // A saved host must already be in its normal form; anything else was not written by this extension.
  if (host.value !== instance.baseUrl) return { kind: 'invalidHost' };
  if (!parseInstanceKey(instance.key).ok) return { kind: 'invalidKey' };
  if (!token) return { kind: 'noToken' };
  return undefined;
}
