// No `vscode` here: the receiver is plain node, tested by plain mocha.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request taken on an open path, as it came. */
export interface Received {
  receivedAt: number;
  contentType: string;
  /** Byte for byte; empty when too large. */
  body: Uint8Array;
  /** Undefined when the body is not JSON. */
  json: unknown;
  /** Set when the body was over the cap and was not kept. */
  tooLargeBytes?: number;
}

export interface ReceiverOptions {
  /** MegaAPI media events carry base64 thumbnails; 5 MB holds them and stops a runaway sender. */
  maxBytes?: number;
  /** A sender that trickles its body is cut off after this long. */
  bodyTimeoutMs?: number;
  now?: () => number;
}

export interface OpenPath {
  /** `/megaapi/<32 hex>`: 128 random bits. */
  readonly path: string;
  close(): void;
}

export const MAX_EVENT_BYTES = 5 * 1024 * 1024;
const SECRET_HEX = 32;
/** The secret may sit after a tunnel's own path prefix; only its last part is compared. */
const PATH = /\/megaapi\/([^/?#]*)$/;

/**
 * The local end of "Listen": one `node:http` server on 127.0.0.1 for every
 * listening instance, each behind its own secret path. It is a door into the
 * user's machine, so: loopback only, POST only, no CORS headers, any browser
 * `Origin` refused, the secret compared in constant time, body size and time
 * capped. A wrong path or method is a 404 and never becomes an event.
 */
export class EventReceiver {
  private server?: Server;
  private starting?: Promise<number>;
  private readonly routes = new Map<string, (received: Received) => void>();
  private readonly maxBytes: number;
  private readonly bodyTimeoutMs: number;
  private readonly now: () => number;

  constructor(options: ReceiverOptions = {}) {
    this.maxBytes = options.maxBytes ?? MAX_EVENT_BYTES;
    this.bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The bound port, once started. */
  get port(): number | undefined {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address ? address.port : undefined;
  }

  /** Starts once; later calls return the same port (the requested one only counts the first time). */
  start(port: number): Promise<number> {
    this.starting ??= new Promise<number>((resolve, reject) => {
      const server = createServer((req, res) => this.handle(req, res));
      server.headersTimeout = this.bodyTimeoutMs;
      server.requestTimeout = this.bodyTimeoutMs * 2;
      server.once('error', (error) => {
        this.starting = undefined;
        reject(error);
      });
      server.listen(port, '127.0.0.1', () => {
        this.server = server;
        resolve((server.address() as AddressInfo).port);
      });
    });
    return this.starting;
  }

  /** A new secret path; what arrives on it goes to `onReceive`. */
  open(onReceive: (received: Received) => void): OpenPath {
    const secret = randomBytes(SECRET_HEX / 2).toString('hex');
    this.routes.set(secret, onReceive);
    return { path: `/megaapi/${secret}`, close: () => this.routes.delete(secret) };
  }

  get openPaths(): number {
    return this.routes.size;
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.starting = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private route(url: string | undefined): ((received: Received) => void) | undefined {
    const pathname = (url ?? '').split('?')[0];
    const given = PATH.exec(pathname)?.[1];
    if (given === undefined || given.length !== SECRET_HEX) return undefined;
    const givenBytes = Buffer.from(given, 'latin1');
    let found: ((received: Received) => void) | undefined;
    // Every open secret is compared, in constant time each, so timing says nothing about which one nearly matched.
    for (const [secret, onReceive] of this.routes) {
      if (timingSafeEqual(Buffer.from(secret, 'latin1'), givenBytes) && !found) found = onReceive;
    }
    return found;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const end = (status: number) => {
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
      res.end(status === 200 ? 'ok' : '');
    };
    // A browser page (any site the user visits) can POST to 127.0.0.1; it always sends an Origin.
    if (req.headers.origin !== undefined) return void (req.resume(), end(403));
    const found = this.route(req.url);
    if (!found || req.method !== 'POST') return void (req.resume(), end(404));
    const onReceive = (received: Received) => {
      try {
        found(received);
      } catch {
        // A fault in what shows the event must not leave the sender hanging.
      }
    };
    const receivedAt = this.now();
    const contentType = String(req.headers['content-type'] ?? 'application/json');
    const declared = Number(req.headers['content-length']);
    const tooLarge = (bytes: number) => {
      onReceive({ receivedAt, contentType, body: new Uint8Array(), json: undefined, tooLargeBytes: bytes });
      end(413);
      req.destroy();
    };
    if (Number.isFinite(declared) && declared > this.maxBytes) return tooLarge(declared);
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      end(408);
      req.destroy();
    }, this.bodyTimeoutMs);
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > this.maxBytes) {
        done = true;
        clearTimeout(timer);
        return tooLarge(size);
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      done = true;
      clearTimeout(timer);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const body = Buffer.concat(chunks);
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        json = undefined;
      }
      // Not JSON still shows as a row ("not JSON"): it came through the secret path, so someone meant it.
      onReceive({ receivedAt, contentType, body: new Uint8Array(body), json });
      end(json === undefined ? 400 : 200);
    });
  }
}
