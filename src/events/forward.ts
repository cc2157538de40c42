// No `vscode` here: plain node, so plain mocha tests it against a local server.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ForwardOutcome } from '../instances/eventFeed';

export const FORWARD_TIMEOUT_MS = 10_000;
export const REPLY_KEPT_BYTES = 2048;

/**
 * POSTs the body byte for byte, with its content type, to the developer's own
 * handler, once. Never throws and never retries: a failing handler is shown
 * as failing, not hammered. Loopback and private http are fine here: the
 * handler is the developer's, on their machine or network.
 */
export function forwardBody(
  url: string,
  body: Uint8Array,
  contentType: string,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<ForwardOutcome> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? FORWARD_TIMEOUT_MS;
  const started = now();
  let target: URL | undefined;
  try {
    target = new URL(url);
  } catch {
    target = undefined;
  }
  const request = target?.protocol === 'https:' ? httpsRequest : target?.protocol === 'http:' ? httpRequest : undefined;
  if (!target || !request) return Promise.resolve({ failure: target ? 'not http(s)' : 'invalid URL', ms: 0 });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<ForwardOutcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, ms: Math.max(0, now() - started) });
    };
    const timer = setTimeout(() => {
      finish({ failure: 'timeout' });
      req.destroy();
    }, timeoutMs);
    const req = request(
      target,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': contentType, 'content-length': String(body.byteLength) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept >= REPLY_KEPT_BYTES) return;
          chunks.push(chunk);
          kept += chunk.length;
          if (kept >= REPLY_KEPT_BYTES) res.destroy();
        });
        const done = () => {
          const replyText = Buffer.concat(chunks).subarray(0, REPLY_KEPT_BYTES).toString('utf8');
          finish({ status: res.statusCode, replyText });
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ failure: String(error.code ?? 'network').slice(0, 40) }),
    );
    req.end(Buffer.from(body));
  });
}

/** The forward target: an absolute http(s) URL, nothing else. */
export function parseForwardUrl(raw: string): string | undefined {
  const text = raw.trim();
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return undefined;
  try {
    return new URL(text).toString();
  } catch {
    return undefined;
  }
}
