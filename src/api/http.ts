import { ApiResult, errorFromThrown, failure } from './errors';

/** The slice of node-fetch's API the client uses, so tests and callers can swap it. */
export type FetchLike = (url: string, init: FetchInit) => Promise<ResponseLike>;

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  redirect: 'manual';
  /** node-fetch aborts the body past this many bytes. */
  size: number;
  /** node-fetch's connection pool, chosen per URL. */
  agent?: (url: URL) => unknown;
}

export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** Sent with every call beside the token; Copy Request as Code writes the same ones. */
export const JSON_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json',
  Accept: 'application/json',
};

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
  /** The body as received, for "Show Reply"; bounded by `maxBodyBytes`. */
  text: string;
  retryAfter: string | null;
  /** Epoch ms, so a `Retry-After` date is read against the moment the reply came. */
  receivedAt: number;
}

/**
 * One authenticated JSON request. The timeout covers the body too (a server
 * that sends headers then stalls is as dead as one that never answers), and
 * redirects are never followed, so the token cannot be sent to another origin.
 */
export async function requestJson(
  url: string,
  method: string,
  options: HttpOptions,
  signal?: AbortSignal,
  body?: unknown,
): Promise<ApiResult<JsonReply>> {
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
      headers: { Authorization: `Bearer ${options.token}`, ...JSON_HEADERS },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      redirect: 'manual',
      size: options.maxBodyBytes,
    });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBodyBytes) {
      return failure({ kind: 'badPayload', status: response.status, reason: 'tooLarge' });
    }
    const text = await response.text();
    return {
      ok: true,
      value: {
        status: response.status,
        body: parseObject(text),
        text,
        retryAfter: response.headers.get('retry-after'),
        receivedAt: Date.now(),
      },
    };
  } catch (thrown) {
    return failure(errorFromThrown(thrown, state));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
