import { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Between Node's HTTP server and the SDK's web-standard transport (which
 * takes a `Request` and answers a `Response`): Node 20 has both classes, so
 * this replaces the SDK's Node adapter and the 20 KB server library it loads.
 */

/** The request as a web `Request`, its body read here and capped; undefined past `maxBytes`. */
export async function webRequest(req: IncomingMessage, origin: string, maxBytes: number): Promise<Request | undefined> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const body = await readCapped(req, maxBytes);
    if (!body) return undefined;
    init.body = new Uint8Array(body);
  }
  return new Request(new URL(req.url ?? '/', origin), init);
}

async function readCapped(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // A chunked body has no length to check first: stop reading once it is over.
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Writes the response, streaming its body as it comes (an SSE stream stays
 * open until either side ends it); the client going away cancels the stream,
 * so the transport lets go of it.
 */
export async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.writeHead(response.status);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  res.once('close', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      res.write(value);
    }
  } finally {
    res.off('close', cancel);
    res.end();
  }
}
