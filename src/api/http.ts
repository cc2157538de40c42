import { ApiError, ApiResult, errorFromThrown, failure } from './errors';

/** The slice of node-fetch's API the client uses, so tests and callers can swap it. */
export type FetchLike = (url: string, init: FetchInit) => Promise<ResponseLike>;

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  redirect: 'manual';
  /** node-fetch aborts the body past this many bytes. */
  size: number;
}

export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface HttpOptions {
  fetch: FetchLike;
  token: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

/** Any HTTP answer that arrived whole; what its status means is up to the endpoint's parser. */
export interface JsonReply {
  status: number;
  /** Undefined when the body is not a JSON object. */
  body: Record<string, unknown> | undefined;
  retryAfter: string | null;
}

/**
 * One authenticated JSON request. The timeout covers the body too (a server
 * that sends headers then stalls is as dead as one that never answers), and
 * redirects are never followed, so the token cannot be sent to another origin.
 */
export async function requestJson(url: string, method: string, options: HttpOptions, signal?: AbortSignal): Promise<ApiResult<JsonReply>> {
  const controller = new AbortController();
  const state = { timedOut: false, cancelled: false, timeoutSeconds: Math.round(options.timeoutMs / 1000) };
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onCancel = () => {
    state.cancelled = true;
    controller.abort();
  };
  if (signal?.aborted) onCancel();
  signal?.addEventListener('abort', onCancel);
  try {
    const response = await options.fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${options.token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      signal: controller.signal,
      redirect: 'manual',
      size: options.maxBodyBytes,
    });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBodyBytes) {
      return failure({ kind: 'badPayload', status: response.status, reason: 'tooLarge' });
    }
    const text = await response.text();
    return interpret(response, text);
  } catch (thrown) {
    return failure(errorFromThrown(thrown, state));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

function interpret(response: ResponseLike, text: string): ApiResult<JsonReply> {
  return { ok: true, value: { status: response.status, body: parseObject(text), retryAfter: response.headers.get('retry-after') } };
}

/** What an HTTP status says on its own, whatever the endpoint. */
export function errorForStatus(reply: JsonReply): ApiError | undefined {
  const { status, body } = reply;
  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  if (status === 404) return { kind: 'notFound', status };
  if (status === 429) return { kind: 'rateLimited', retryAfterSeconds: parseRetryAfter(reply.retryAfter) };
  if (status >= 300 && status < 400) return { kind: 'redirect', status };
  if (status >= 500) return { kind: 'server', status };
  if (status >= 400) {
    const message = typeof body?.message === 'string' ? body.message : '';
    if (/instance not found/i.test(message)) return { kind: 'notFound', status };
    return { kind: 'api', status, message };
  }
  if (status < 200) return { kind: 'badPayload', status, reason: 'shape' };
  if (!body) return { kind: 'badPayload', status, reason: 'notJson' };
  return undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
