import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { loggedBody, readBody } from './body';
import { answerControl, MockContext, resetAll } from './control';
import { FaultQueue, MockFault } from './faults';
import { InFlight } from './inFlight';
import type { SentMessage } from './messagesState';
import { MockRequestLog, RequestLog } from './requestLog';
import { answerRest, isAuthorized, matchRest } from './routes';
import { json, send, sendWithFault } from './send';
import { MockInstance, MockState } from './state';
import type { WebhookData } from './webhookState';

export type { MockInstance } from './state';
export type { MockFault } from './faults';
export type { MockRequestLog } from './requestLog';
export type { SentMessage } from './messagesState';
export type { WebhookData } from './webhookState';

export interface MockOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  instances: MockInstance[];
  /** How long each QR content lives; WhatsApp's later codes live about 20 s. Default 20000. */
  qrRotateMs?: number;
  /** Clock for QR windows and log times; tests pass a fake one to rotate without waiting. */
  now?: () => number;
  /** Every API answer waits this long first, like a distant server (the bench's 200 ms). Default 0. */
  delayMs?: number;
}

export interface MockServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** QR contents sent to API clients, in order; throws for an unknown key. */
  issuedQrs(key: string): string[];
  /** What a QR request would get now; undefined while connected. */
  currentQr(key: string): string | undefined;
  lastPairingCode(key: string): string | undefined;
  requests(): MockRequestLog[];
  /** API requests in flight now, and the most at once since the last reset (`GET /__mock/concurrency`). */
  concurrency(): { inFlight: number; peak: number };
  setConnected(key: string, connected: boolean): void;
  /** Same as `POST /__mock/instances/{key}/rotate`. */
  rotateQr(key: string): string | undefined;
  addInstance(instance: MockInstance): void;
  addFault(fault: MockFault): void;
  /** Texts accepted by `sendMessage/{key}/text`, in order. */
  sentMessages(key: string): SentMessage[];
  webhook(key: string): WebhookData;
  /** Bodies of accepted `configWebhook` calls, in order. */
  webhookConfigs(key: string): unknown[];
  /** Same as `POST /__mock/instances/{key}/webhook`: merges, and a null field is removed. */
  setWebhook(key: string, fields: Record<string, unknown>): void;
  /** Makes `isOnWhatsApp` answer true for these 10-15 digits; throws on anything else. */
  addKnownNumber(key: string, digits: string): void;
  /** Same as `POST /__mock/reset`. */
  reset(): void;
}

export async function startMockServer(opts: MockOptions): Promise<MockServer> {
  const now = opts.now ?? Date.now;
  const ctx: MockContext = {
    state: new MockState(opts.qrRotateMs ?? 20_000, now),
    faults: new FaultQueue(),
    log: new RequestLog(),
    inFlight: new InFlight(),
  };
  const delayMs = opts.delayMs ?? 0;
  for (const instance of opts.instances) ctx.state.upsert(instance);

  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  // A cleared timer never resolves its sleep: the handler waiting on it is simply dropped with its socket.
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((req, res) => {
    handle(ctx, req, res, now, sleep, delayMs).catch((err: unknown) => {
      console.error('mock MegaAPI: handler failed:', err);
      if (!res.headersSent) send(res, json(500, { error: true, message: 'Mock server error' }));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  // Loopback only: the mock has open control routes and must never be reachable from the network.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        // Hanging faults and keep-alive sockets would otherwise hold close() open forever.
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      })),
    issuedQrs: (key) => [...ctx.state.require(key).issued],
    currentQr: (key) => ctx.state.require(key).currentQr(),
    lastPairingCode: (key) => ctx.state.require(key).lastPairingCode,
    requests: () => ctx.log.all(),
    concurrency: () => ctx.inFlight.snapshot(),
    setConnected: (key, connected) => {
      const instance = ctx.state.require(key);
      if (connected) instance.connect();
      else instance.disconnect();
    },
    rotateQr: (key) => ctx.state.require(key).rotate(),
    addInstance: (instance) => void ctx.state.upsert(instance),
    addFault: (fault) => ctx.faults.add(fault),
    sentMessages: (key) => ctx.state.require(key).messages.sent.map((m) => ({ ...m })),
    webhook: (key) => ({ ...ctx.state.require(key).webhook.data }),
    webhookConfigs: (key) => structuredClone(ctx.state.require(key).webhook.configs),
    setWebhook: (key, fields) => {
      const problem = ctx.state.require(key).webhook.merge(fields);
      if (problem !== undefined) throw new Error(problem);
    },
    addKnownNumber: (key, digits) => ctx.state.require(key).messages.addKnownNumber(digits),
    reset: () => resetAll(ctx),
  };
}

async function handle(
  ctx: MockContext,
  req: IncomingMessage,
  res: ServerResponse,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
  delayMs: number,
): Promise<void> {
  // Split by hand: `new URL()` would read a `//host/...` request line as a different host.
  const [pathname, search = ''] = splitTarget(req.url ?? '/');
  const method = req.method ?? 'GET';
  if (pathname === '/__mock' || pathname.startsWith('/__mock/')) {
    send(res, await answerControl(ctx, req, pathname));
    return;
  }
  // Counted out when the answer is sent or the socket goes, whichever comes first.
  const leave = ctx.inFlight.enter();
  res.once('close', leave);
  const time = now();
  const body = await readBody(req);

  // Everything but the control routes is logged, so a stray request (a double slash, the host root) shows up too.
  const match = matchRest(method, pathname);
  const authorization = req.headers.authorization;
  const logged = loggedBody(body);
  ctx.log.add({
    time,
    method,
    path: pathname,
    query: search,
    key: match?.key,
    authorized: isAuthorized(match && ctx.state.find(match.key), authorization),
    authorization,
    ...(req.headers['content-type'] !== undefined && { contentType: req.headers['content-type'] }),
    ...(req.headers.accept !== undefined && { accept: req.headers.accept }),
    // Left out rather than undefined, so a log read back as JSON deep-equals the in-process one.
    ...(logged !== undefined && { body: logged }),
  });
  // The client hung up mid-upload: its entry is logged, and there is no one left to answer.
  if (body.aborted) return;
  if (delayMs > 0) await sleep(delayMs);
  const normal = () => answerRest(ctx.state, match, authorization, new URLSearchParams(search), body);
  const fault = pathname.startsWith('/rest/') ? ctx.faults.take(pathname) : undefined;
  if (fault) await sendWithFault(res, fault, normal, sleep);
  else send(res, await normal());
}

function splitTarget(target: string): [string, string?] {
  const q = target.indexOf('?');
  return q < 0 ? [target] : [target.slice(0, q), target.slice(q)];
}
