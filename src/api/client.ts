import { InstanceRef } from '../core/instanceRef';
import { ApiError, ApiResult, failure, internalError } from './errors';
import { refusal, RequestPolicy } from './gate';
import { FetchLike, JsonReply, requestJson } from './http';
import { logoutEndpoint, pairingCodeEndpoint, qrEndpoint, restartEndpoint, statusEndpoint } from './instance';
import { InstanceStatus, QrReply } from './replies';

export interface ClientOptions {
  instance: InstanceRef;
  /** Read per call, so a token set a moment ago is used at once. */
  token: () => Promise<string | undefined> | string | undefined;
  policy: () => RequestPolicy;
  fetch: FetchLike;
  /** Every failure but a cancellation, for the log. */
  onFailure?: (what: string, error: ApiError) => void;
  maxBodyBytes?: number;
}

/** A QR reply is a few kilobytes; 2 MB leaves room and stops a runaway body. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface Endpoint<T> {
  /** For the log: "QR", "Status" ... */
  what: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Path segments under `/rest/`, each encoded as one segment. */
  path: string[];
  query?: Record<string, string>;
  body?: unknown;
  parse: (reply: JsonReply) => ApiResult<T>;
}

/**
 * HTTP for one instance: one method per MegaAPI endpoint, each returning a
 * typed result and never throwing. Every call passes the gate first.
 */
export class InstanceClient {
  constructor(private readonly options: ClientOptions) {}

  get instance(): InstanceRef {
    return this.options.instance;
  }

  getQr(signal?: AbortSignal): Promise<ApiResult<QrReply>> {
    return this.call(qrEndpoint(this.instance.key), signal);
  }

  getStatus(signal?: AbortSignal): Promise<ApiResult<InstanceStatus>> {
    return this.call(statusEndpoint(this.instance.key), signal);
  }

  getPairingCode(phoneDigits: string, signal?: AbortSignal): Promise<ApiResult<string>> {
    return this.call(pairingCodeEndpoint(this.instance.key, phoneDigits), signal);
  }

  logout(signal?: AbortSignal): Promise<ApiResult<string>> {
    return this.call(logoutEndpoint(this.instance.key), signal);
  }

  restart(signal?: AbortSignal): Promise<ApiResult<string>> {
    return this.call(restartEndpoint(this.instance.key), signal);
  }

  /** Any endpoint, for the calls that live in their own files (messages, webhook). */
  async call<T>(endpoint: Endpoint<T>, signal?: AbortSignal): Promise<ApiResult<T>> {
    let result: ApiResult<T>;
    try {
      result = await this.send(endpoint, signal);
    } catch (thrown) {
      result = failure(internalError(thrown));
    }
    if (!result.ok && result.error.kind !== 'cancelled') this.options.onFailure?.(endpoint.what, result.error);
    return result;
  }

  private async send<T>(endpoint: Endpoint<T>, signal?: AbortSignal): Promise<ApiResult<T>> {
    const token = await this.options.token();
    const policy = this.options.policy();
    const refused = refusal(this.instance, token, policy);
    if (refused || !token) return failure(refused ?? { kind: 'noToken' });
    const url = restUrl(this.instance.baseUrl, endpoint.path, endpoint.query);
    if (!url) return failure({ kind: 'invalidHost' });
    const http = {
      fetch: this.options.fetch,
      token,
      timeoutMs: policy.timeoutMs,
      maxBodyBytes: this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    };
    const reply = await requestJson(url, endpoint.method, http, signal, endpoint.body);
    return reply.ok ? endpoint.parse(reply.value) : reply;
  }
}

/**
 * Builds `{base}/rest/{segments...}` with every segment encoded as one path
 * segment. The check after building is a second lock: whatever a segment
 * holds, the request stays on the configured origin under that path.
 * Undefined instead of an exception, so no caller can forget to catch.
 */
export function restUrl(baseUrl: string, segments: string[], query?: Record<string, string>): string | undefined {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return undefined;
  }
  const prefix = `${base.pathname.replace(/\/+$/, '')}/rest/`;
  const url = new URL(prefix + segments.map((s) => encodeURIComponent(s)).join('/'), base.origin);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  const expected = `${prefix}${segments[0] ?? ''}/`;
  if (url.origin !== base.origin || !url.pathname.startsWith(expected)) return undefined;
  return url.toString();
}
