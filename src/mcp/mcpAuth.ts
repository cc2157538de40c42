import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** What the server does with a request before the MCP layer sees it. */
export type Admission = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** 256 bits, made at each start, held in memory only. */
export function newBearer(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Lets in only a local, non-browser client that holds this start's bearer.
 * - Any `Origin` header is refused (403): MCP clients are not web pages, and
 *   a page that reached 127.0.0.1 through DNS rebinding sends one.
 * - The `Host` must be this loopback address and port (403), the other half
 *   of the DNS-rebinding defence.
 * - The bearer is compared in constant time (401 when absent or wrong).
 */
export function admit(headers: Record<string, string | string[] | undefined>, bearer: string, port: number): Admission {
  if (headers.origin !== undefined) return { ok: false, status: 403, reason: 'origin' };
  const host = typeof headers.host === 'string' ? headers.host.toLowerCase() : '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return { ok: false, status: 403, reason: 'host' };
  const given = typeof headers.authorization === 'string' ? /^Bearer (\S+)$/i.exec(headers.authorization.trim()) : null;
  if (!given || !sameSecret(given[1], bearer)) return { ok: false, status: 401, reason: 'bearer' };
  return { ok: true };
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected)) && expected.length > 0;
}
