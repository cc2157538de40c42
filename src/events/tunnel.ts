import { randomBytes } from 'node:crypto';
import { forwardBody } from './forward';

/** Which hop failed when the nonce did not come back through the public URL. */
export type TunnelProof =
  | { ok: true; ms: number }
  | { ok: false; hop: 'nothingAnswers'; failure: string }
  | { ok: false; hop: 'notThisReceiver'; status: number }
  | { ok: false; hop: 'noAnswer' };

export const TUNNEL_WAIT_MS = 10_000;

/** Field of the JSON body the receiver recognises as the proof, not as an event. */
export const NONCE_FIELD = 'megaapiVscodeNonce';

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/** The nonce, if the body is a tunnel proof. */
export function nonceOf(json: unknown): string | undefined {
  const value = (json as Record<string, unknown> | null | undefined)?.[NONCE_FIELD];
  return typeof json === 'object' && json !== null && typeof value === 'string' ? value : undefined;
}

/**
 * POSTs a nonce to the public URL and waits (up to 10 s) for the receiver to
 * see it. `arrived` resolves when the receiver took that nonce. A reply with
 * no arrival means something else answers at that address (a tunnel pointed
 * at another port, a stale ngrok page).
 */
export async function proveTunnel(
  url: string,
  nonce: string,
  arrived: Promise<void>,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<TunnelProof> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? TUNNEL_WAIT_MS;
  const started = now();
  const body = Buffer.from(JSON.stringify({ [NONCE_FIELD]: nonce }));
  let seen = false;
  const seenAt = arrived.then(() => {
    seen = true;
  });
  const sent = await forwardBody(url, body, 'application/json', { timeoutMs, now });
  // The arrival may trail the reply by a moment (the tunnel's own buffering).
  const left = Math.max(0, timeoutMs - (now() - started));
  await Promise.race([seenAt, new Promise((resolve) => setTimeout(resolve, Math.min(left, 2000)).unref())]);
  if (seen) return { ok: true, ms: now() - started };
  if (sent.status !== undefined) return { ok: false, hop: 'notThisReceiver', status: sent.status };
  if (sent.failure === 'timeout') return { ok: false, hop: 'noAnswer' };
  return { ok: false, hop: 'nothingAnswers', failure: sent.failure ?? 'network' };
}
