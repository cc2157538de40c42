import type { ServerResponse } from 'node:http';
import { MockFault, replacesAnswer } from './faults';

export interface Reply {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: JSON_TYPE };
}

export function send(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Type': reply.contentType ?? JSON_TYPE,
    'Content-Length': String(body.length),
  });
  res.end(body);
}

/**
 * Answers one /rest request under a fault. `normal` runs the real route and
 * is only called when the fault keeps its answer (delay, headers, reset), so
 * a replaced answer has no side effects such as recording an issued QR.
 */
export async function sendWithFault(
  res: ServerResponse,
  fault: MockFault,
  normal: () => Promise<Reply>,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.hang) return;
  if (fault.bigBodyBytes !== undefined) {
    res.writeHead(fault.status ?? 200, { ...fault.headers, 'Content-Type': fault.contentType ?? JSON_TYPE });
    return streamJunk(res, fault.bigBodyBytes);
  }
  const base = replacesAnswer(fault) ? injected(fault) : await normal();
  const reply: Reply = {
    ...base,
    contentType: fault.contentType ?? base.contentType,
    headers: { ...base.headers, ...fault.headers },
  };
  if (fault.resetMidBody) sendTruncated(res, reply);
  else send(res, reply);
}

function injected(fault: MockFault): Reply {
  return {
    status: fault.status ?? 200,
    body: fault.body ?? JSON.stringify({ error: true, message: 'Injected fault' }),
    contentType: JSON_TYPE,
  };
}

/**
 * Promises the full Content-Length, delivers half, then drops the socket: the
 * client sees a body that ends early, as on a flaky mobile link. The half goes
 * straight to the socket so its write callback fires only after the headers.
 */
function sendTruncated(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Type': reply.contentType ?? JSON_TYPE,
    'Content-Length': String(body.length),
  });
  res.flushHeaders();
  const socket = res.socket;
  if (!socket) return;
  socket.write(body.subarray(0, Math.floor(body.length / 2)), () => socket.destroy());
}

const JUNK_HEAD = Buffer.from('{"error":false,"message":"QR code generated","qrcode":"data:image/png;base64,');
const JUNK_TAIL = Buffer.from('"}');
const CHUNK = 64 * 1024;

/** Streams with backpressure so a gigabyte-sized fault never sits in memory; stops when the client goes away. */
function streamJunk(res: ServerResponse, total: number): Promise<void> {
  const framed = total >= JUNK_HEAD.length + JUNK_TAIL.length;
  return new Promise((resolve) => {
    let sent = 0;
    const pump = (): void => {
      while (sent < total && !res.destroyed) {
        const chunk = junkChunk(sent, Math.min(CHUNK, total - sent), total, framed);
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
      resolve();
    };
    res.once('close', () => resolve());
    pump();
  });
}

function junkChunk(start: number, length: number, total: number, framed: boolean): Buffer {
  const chunk = Buffer.alloc(length, 'A');
  if (!framed) return chunk;
  if (start < JUNK_HEAD.length) JUNK_HEAD.copy(chunk, 0, start, Math.min(JUNK_HEAD.length, start + length));
  const tailStart = total - JUNK_TAIL.length;
  if (start + length > tailStart) {
    const from = Math.max(start, tailStart);
    JUNK_TAIL.copy(chunk, from - start, from - tailStart);
  }
  return chunk;
}
