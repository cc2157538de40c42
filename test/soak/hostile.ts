import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';

/** What one hostile request got back: the status, or why there was none. */
export interface Answer {
  status?: number;
  failure?: string;
}

export interface Shot {
  what: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The answers that count as holding: the request is refused, not served. */
  expect: number[];
}

/** One request, no agent (its socket closes with it), a 10 s ceiling. */
export function send(origin: string, shot: Omit<Shot, 'what' | 'expect'>): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request(
      `${origin}${shot.path}`,
      { method: shot.method ?? 'POST', agent: false, headers: shot.headers, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode }));
        res.on('error', () => resolve({ status: res.statusCode }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ failure: error.message }));
    req.end(shot.body);
  });
}

/** Fires each shot; returns a line per shot that was not refused as expected. */
export async function volley(origin: string, shots: Shot[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const shot of shots) {
    const answer = await send(origin, shot);
    // A connection the server cut (a body over its cap) also refuses.
    const held = answer.status !== undefined ? shot.expect.includes(answer.status) : shot.expect.includes(0);
    if (!held) wrong.push(`${shot.what}: ${answer.status ?? answer.failure}`);
  }
  return wrong;
}

export interface FloodResult {
  sent: number;
  answered: number;
  perSecond: number;
}

/** As many of `shot` as `parallel` connections carry, for `ms`; refused connections count as sent, not answered. */
export async function flood(origin: string, shot: Omit<Shot, 'what' | 'expect'>, ms: number, parallel = 64) {
  const end = Date.now() + ms;
  const started = Date.now();
  let sent = 0;
  let answered = 0;
  const lane = async () => {
    while (Date.now() < end) {
      sent += 1;
      if ((await send(origin, shot)).status !== undefined) answered += 1;
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  const seconds = (Date.now() - started) / 1000;
  return { sent, answered, perSecond: Math.round(sent / seconds) } satisfies FloodResult;
}

/** The same flood from another process (floodWorker.ts), so the sender does not share the servers' event loop. */
export function floodApart(
  origin: string,
  shot: Omit<Shot, 'what' | 'expect'>,
  ms: number,
  parallel = 128,
): Promise<FloodResult> {
  const args = [join(__dirname, 'floodWorker.js'), JSON.stringify({ origin, shot, ms, parallel })];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { timeout: ms + 30_000 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as FloodResult),
    ),
  );
}

/** Hostile bodies and requests for the webhook receiver; `path` is the real secret path. */
export function receiverShots(path: string): Shot[] {
  const json = { 'content-type': 'application/json' };
  const wrongSecret = path.replace(/[0-9a-f]{32}$/, '0'.repeat(32));
  return [
    { what: 'no path', path: '/', body: '{}', headers: json, expect: [404] },
    { what: 'wrong secret', path: wrongSecret, body: '{}', headers: json, expect: [404] },
    { what: 'short secret', path: '/megaapi/abc', body: '{}', headers: json, expect: [404] },
    { what: 'traversal', path: `${path}/../../etc/passwd`, body: '{}', headers: json, expect: [404] },
    { what: 'GET on the path', method: 'GET', path, expect: [404] },
    { what: 'PUT on the path', method: 'PUT', path, body: '{}', headers: json, expect: [404] },
    { what: 'OPTIONS preflight', method: 'OPTIONS', path, headers: { origin: 'https://evil.example' }, expect: [403] },
    { what: 'browser Origin', path, body: '{}', headers: { ...json, origin: 'https://evil.example' }, expect: [403] },
    { what: 'null Origin', path, body: '{}', headers: { ...json, origin: 'null' }, expect: [403] },
    {
      what: 'declared 6 MB',
      path,
      body: '{}',
      headers: { ...json, 'content-length': String(6_000_000) },
      expect: [413, 0],
    },
    { what: 'sent 6 MB', path, body: Buffer.alloc(6_000_000, 0x61), headers: json, expect: [413, 0] },
    { what: 'not JSON', path, body: '\u0000\uffff<script>alert(1)</script>', headers: json, expect: [400] },
    { what: 'deep JSON', path, body: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, headers: json, expect: [200, 400] },
    {
      what: 'hostile text',
      path,
      body: JSON.stringify({
        messageType: 'conversation',
        message: { conversation: '[x](command:workbench.action.quit) <img src=x onerror=alert(1)> \u202e' },
      }),
      headers: json,
      expect: [200],
    },
  ];
}

/** Hostile requests for the MCP server at `/mcp`; `bearer` is the real one, used only where a refusal must come after it. */
export function mcpShots(bearer: string): Shot[] {
  const base = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const list = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
  const authorized = { ...base, authorization: `Bearer ${bearer}` };
  return [
    { what: 'no bearer', path: '/mcp', body: list, headers: base, expect: [401] },
    {
      what: 'wrong bearer',
      path: '/mcp',
      body: list,
      headers: { ...base, authorization: 'Bearer nope' },
      expect: [401],
    },
    { what: 'basic auth', path: '/mcp', body: list, headers: { ...base, authorization: 'Basic YTpi' }, expect: [401] },
    {
      what: 'browser Origin',
      path: '/mcp',
      body: list,
      headers: { ...authorized, origin: 'http://rebinding.example' },
      expect: [403],
    },
    { what: 'wrong path', path: '/mcp/../admin', body: list, headers: authorized, expect: [404] },
    {
      what: 'declared 2 MB',
      path: '/mcp',
      body: list,
      headers: { ...authorized, 'content-length': String(2_000_000) },
      expect: [413, 0],
    },
    {
      what: 'sent 5 MB',
      path: '/mcp',
      body: Buffer.alloc(5_000_000, 0x20),
      headers: authorized,
      expect: [400, 413, 0],
    },
    { what: 'garbage JSON', path: '/mcp', body: '{"jsonrpc":', headers: authorized, expect: [400] },
    {
      what: 'unknown session',
      path: '/mcp',
      body: list,
      headers: { ...authorized, 'mcp-session-id': 'forged' },
      expect: [404],
    },
    { what: 'GET without a session', method: 'GET', path: '/mcp', headers: authorized, expect: [400] },
  ];
}
