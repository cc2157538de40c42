import type { IncomingMessage } from 'node:http';

/** Real bodies are a few hundred bytes; past this the rest is read and dropped, so a runaway client cannot fill memory. */
export const MAX_BODY_BYTES = 1 << 20;
/** The log keeps thousands of entries, so a bigger body is logged as a cut string rather than parsed. */
const LOG_JSON_CHARS = 16 * 1024;
const LOG_TEXT_CHARS = 1024;

export interface RequestBody {
  /** The body as UTF-8, at most MAX_BODY_BYTES of it. */
  text: string;
  /** Everything the client sent, counting bytes dropped past the cap. */
  bytes: number;
  tooLarge: boolean;
  /** The client went away before the body ended. */
  aborted: boolean;
  contentType: string | undefined;
}

/** Never throws: an aborted upload still gets a log entry, which is when a test most needs one. */
export async function readBody(req: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let kept = 0;
  let aborted = false;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (kept >= MAX_BODY_BYTES) continue;
      const part = chunk.subarray(0, MAX_BODY_BYTES - kept);
      chunks.push(part);
      kept += part.length;
    }
  } catch {
    aborted = true;
  }
  return {
    text: Buffer.concat(chunks).toString('utf8'),
    bytes,
    tooLarge: bytes > MAX_BODY_BYTES,
    aborted,
    contentType: req.headers['content-type'],
  };
}

export type JsonParse = { ok: true; value: unknown } | { ok: false };

/** An empty or blank body parses as undefined, so "no body" and "bad JSON" stay distinct. */
export function parseJson(body: RequestBody): JsonParse {
  const text = body.text.trim();
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Express-style servers parse a body only when it is labelled JSON, and
 * `fetch` labels a string body `text/plain`: the mock reproduces that trap.
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType);
}

/** What the request log keeps: the parsed JSON, or the raw text cut short, or undefined for no body. */
export function loggedBody(body: RequestBody): unknown {
  if (body.bytes === 0) return undefined;
  if (!body.tooLarge && body.text.length <= LOG_JSON_CHARS) {
    const parsed = parseJson(body);
    if (parsed.ok && parsed.value !== undefined) return parsed.value;
  }
  if (body.text.length <= LOG_TEXT_CHARS && !body.tooLarge) return body.text;
  return `${body.text.slice(0, LOG_TEXT_CHARS)}… [${body.bytes} bytes]`;
}
