import { parseInstanceKey } from '../core/instanceKey';
import { ApiResult, failure } from './errors';
import { FetchLike, HttpOptions, JsonReply, requestJson } from './http';
import { InstanceStatus, QrReply, messageFromReply, pairingCodeFromReply, qrFromReply, statusFromReply } from './responses';

export interface ClientOptions {
  /** Already normalised by `parseBaseUrl`. */
  baseUrl: string;
  token: string;
  fetch: FetchLike;
  timeoutMs: number;
  maxBodyBytes?: number;
}

/** A QR reply is a few kilobytes; 2 MB leaves room and stops a runaway body. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** HTTP only: one method per MegaAPI endpoint the extension uses, each returning a typed result. */
export class MegaApiClient {
  private readonly http: HttpOptions;

  constructor(private readonly options: ClientOptions) {
    this.http = {
      fetch: options.fetch,
      token: options.token,
      timeoutMs: options.timeoutMs,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    };
  }

  async getQr(key: string, signal?: AbortSignal): Promise<ApiResult<QrReply>> {
    return this.call('GET', key, (k) => ['qrcode_base64', k], qrFromReply, signal);
  }

  async getStatus(key: string, signal?: AbortSignal): Promise<ApiResult<InstanceStatus>> {
    return this.call('GET', key, (k) => [k], statusFromReply, signal);
  }

  async getPairingCode(key: string, phoneDigits: string, signal?: AbortSignal): Promise<ApiResult<string>> {
    return this.call('GET', key, (k) => ['pairingCode', k], pairingCodeFromReply, signal, { phoneNumber: phoneDigits });
  }

  async logout(key: string, signal?: AbortSignal): Promise<ApiResult<string>> {
    return this.call('DELETE', key, (k) => [k, 'logout'], messageFromReply, signal);
  }

  async restart(key: string, signal?: AbortSignal): Promise<ApiResult<string>> {
    return this.call('DELETE', key, (k) => [k, 'restart'], messageFromReply, signal);
  }

  private async call<T>(
    method: string,
    rawKey: string,
    segments: (key: string) => string[],
    shape: (reply: JsonReply) => ApiResult<T>,
    signal: AbortSignal | undefined,
    query?: Record<string, string>,
  ): Promise<ApiResult<T>> {
    // The same parser that validates the input box guards the call.
    const key = parseInstanceKey(rawKey);
    if (!key.ok) return failure({ kind: 'invalidKey' });
    const url = instanceUrl(this.options.baseUrl, segments(key.value), query);
    const reply = await requestJson(url, method, this.http, signal);
    return reply.ok ? shape(reply.value) : reply;
  }
}

/**
 * Builds `{base}/rest/instance/{segments...}` with every segment encoded as
 * one path segment. The check after building is a second lock: whatever a
 * segment holds, the request stays on the configured origin under that path.
 */
export function instanceUrl(baseUrl: string, segments: string[], query?: Record<string, string>): string {
  const base = new URL(baseUrl);
  const prefix = `${base.pathname.replace(/\/+$/, '')}/rest/instance/`;
  const path = prefix + segments.map((s) => encodeURIComponent(s)).join('/');
  const url = new URL(path, base.origin);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  if (url.origin !== base.origin || !url.pathname.startsWith(prefix)) {
    throw new Error('Refusing to build a MegaAPI URL outside the configured host');
  }
  return url.toString();
}

