import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Listening } from '../../src/events/listening';
import { EventReceiver } from '../../src/events/receiver';
import { TapMemory } from '../../src/events/tapMemory';
import { EVENTS_KEPT_PER_INSTANCE, EventFeed, FeedEvent } from '../../src/instances/eventFeed';
import { resultsDir } from '../e2e/harness/stack';
import { MapSecrets } from '../unit/support';
import { eventBody } from './eventBody';
import { spread } from './measure';
import { Report } from './report';
import { vsixEntry, vsixFiles } from './vsix';
import { ANSWER_MS, MINUTE, watchFigures } from './watchSim';

/**
 * The figures of issue 25 that need no workbench: what loads when, the MCP
 * server, forwarding, a burst of events, memory for 10,000 events and the
 * health watch. The code measured is the extension's own (src/events,
 * src/instances/eventFeed, the shipped dist/mcp.js), run in plain Node 20 like
 * the extension host's; senders, handlers and the MCP server run in processes
 * of their own (nodeChild.ts), so that only the receiving side is in the
 * event loop measured.
 */
export async function nodeFigures(
  report: Report,
  vsix: string,
  runs: (part: string) => boolean,
  quick: boolean,
  log: (line: string) => void,
): Promise<void> {
  if (runs('mcp')) await mcpFigures(report, vsix, quick, log);
  if (runs('forward')) await forwardCost(report, quick, log);
  if (runs('burst')) await burst(report, quick, log);
  if (runs('events-memory')) await eventsMemory(report, quick, log);
  if (runs('watch')) await watch(report, log);
}

const LABELS: Record<string, string> = {
  'extension/dist/mcp.js': 'MCP server and SDK: loaded on Start MCP Server',
  'extension/dist/snippets.js': 'snippet templates: loaded on the first Copy Request as Code',
  'extension/dist/onFirstUse.js':
    'every command’s own code and the agent tools: loaded by the first such command or tool',
  'extension/dist/fetch.js': 'node-fetch: loaded by the first request to MegaAPI',
  'extension/dist/webview/qr.js': 'QR panel script: inlined into the panel’s page when it opens',
  'extension/dist/webview/qr.css': 'QR panel style: inlined into the panel’s page when it opens',
};

/** What else ships as code beside the activation bundle, and that the SDK is not in that bundle. */
export function bundleBreakdown(report: Report, vsix: string, metafile: string): void {
  activationBreakdown(report, metafile);
  const files = vsixFiles(vsix).filter(
    (f) => f.name.startsWith('extension/dist/') && f.name !== 'extension/dist/extension.js' && !f.name.endsWith('.map'),
  );
  for (const file of files) {
    report.add(
      `loads on first use: ${file.name.replace('extension/', '')}`,
      file.bytes / 1024,
      'KB',
      undefined,
      LABELS[file.name] ?? 'not loaded at activation',
    );
  }
  const bundle = vsixEntry(vsix, 'extension/dist/extension.js').toString('utf8');
  // Strings the SDK's minified code keeps (its method names and header), which the extension's own code never writes.
  const sdkMarks = ['notifications/initialized', 'tools/list', 'mcp-session-id'].filter((mark) =>
    bundle.includes(mark),
  );
  report.add(
    'MCP SDK code inside the activation bundle',
    sdkMarks.length,
    'marks',
    { op: '=', value: 0 },
    sdkMarks.length ? `found: ${sdkMarks.join(', ')}` : 'none of notifications/initialized, tools/list, mcp-session-id',
  );
}

/**
 * The activation bundle by source folder (src/<folder>, or the npm package),
 * from the production build's metafile: where to look when it is over its target.
 */
function activationBreakdown(report: Report, metafile: string): void {
  let inputs: Record<string, { bytesInOutput: number }>;
  try {
    inputs = JSON.parse(readFileSync(metafile, 'utf8')) as typeof inputs;
  } catch {
    report.add('activation bundle by folder', NaN, 'KB', undefined, 'no metafile from the build');
    return;
  }
  const byFolder = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const modules = path.lastIndexOf('node_modules/');
    const parts = (modules >= 0 ? path.slice(modules) : path).split('/');
    const folder =
      parts[0] === 'node_modules'
        ? `node_modules/${parts[1].startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]}`
        : parts[0] === 'src' && parts.length > 2
          ? `src/${parts[1]}/`
          : parts[0] === 'src'
            ? 'src/*.ts'
            : 'other';
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + bytesInOutput);
  }
  const rows = [...byFolder].sort((a, b) => b[1] - a[1]);
  for (const [folder, bytes] of rows.filter(([, b]) => b >= 2048)) {
    report.add(`  of which ${folder}`, bytes / 1024, 'KB', undefined, 'minified, before the bundle’s own glue');
  }
  const rest = rows.filter(([, b]) => b < 2048);
  if (rest.length) {
    report.add(`  of which ${rest.length} smaller parts`, rest.reduce((sum, [, b]) => sum + b, 0) / 1024, 'KB');
  }
}

function child(args: string[]): { proc: ChildProcess; message: <T>() => Promise<T> } {
  const proc = fork(join(__dirname, 'nodeChild.js'), args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const message = <T>() =>
    new Promise<T>((resolve, reject) => {
      proc.once('message', (m) => resolve(m as T));
      proc.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited (${code})`)));
    });
  return { proc, message };
}

async function mcpFigures(report: Report, vsix: string, quick: boolean, log: (line: string) => void): Promise<void> {
  log('MCP server: start and round trips');
  // The shipped bundle, not dist/: another build may have replaced that.
  const dir = join(resultsDir, 'bench');
  mkdirSync(dir, { recursive: true });
  const mcpPath = join(dir, 'mcp.js');
  writeFileSync(mcpPath, vsixEntry(vsix, 'extension/dist/mcp.js'));
  const starts = quick ? 2 : 7;
  const perStart = quick ? 10 : 30;
  const startMs: number[] = [];
  const loadMs: number[] = [];
  const list: number[] = [];
  const call: number[] = [];
  for (let s = 0; s < starts; s++) {
    const server = child(['mcp', mcpPath]);
    try {
      const started = await server.message<{ url: string; bearer: string; startMs: number; loadMs: number }>();
      startMs.push(started.startMs);
      loadMs.push(started.loadMs);
      const client = new Client({ name: 'megaapi-bench', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(started.url), {
          requestInit: { headers: { Authorization: `Bearer ${started.bearer}` } },
        }),
      );
      // The first of each is the connection's and the server's warm-up, as a client's first call is.
      await client.listTools();
      await client.callTool({ name: 'megaapi_list_instances', arguments: {} });
      for (let i = 0; i < perStart; i++) {
        let t0 = performance.now();
        const { tools } = await client.listTools();
        list.push(performance.now() - t0);
        if (tools.length === 0) throw new Error('the MCP server listed no tools');
        t0 = performance.now();
        const result = await client.callTool({ name: 'megaapi_list_instances', arguments: {} });
        call.push(performance.now() - t0);
        if (result.isError) throw new Error('megaapi_list_instances failed over MCP');
      }
      await client.close();
    } finally {
      server.proc.kill();
    }
  }
  report.add(
    'MCP server start (require dist/mcp.js + listen), fresh process',
    spread(startMs),
    'ms',
    { op: '≤', value: 300 },
    `of which loading the bundle ${Math.round(spread(loadMs).median)} ms; ${starts} starts`,
  );
  report.add(
    'MCP tools/list round trip, server started',
    spread(list),
    'ms',
    { op: '≤', value: 20 },
    'SDK client in the bench process',
  );
  report.add(
    'MCP megaapi_list_instances round trip, server started',
    spread(call),
    'ms',
    { op: '≤', value: 20 },
    '10 saved instances with known states: the MCP path’s own cost (status checks at MegaAPI are bounded apart)',
  );
}

/**
 * The extension's own receiver, listening and feed in this process, with
 * INSTANCE listening: its events go to `url`. `stop` closes them.
 */
async function listenHere(forwardTo = ''): Promise<{ feed: EventFeed; url: string; stop(): Promise<void> }> {
  const receiver = new EventReceiver();
  const feed = new EventFeed();
  const listening = new Listening({
    receiver,
    feed,
    memory: new TapMemory(new MapSecrets()),
    calls: () => {
      throw new Error('no MegaAPI call in the bench');
    },
    forwardTo: () => forwardTo,
    log: { info: () => undefined },
    onTapGone: () => undefined,
    onDidChange: () => undefined,
  });
  const stop = async () => {
    listening.dispose();
    await receiver.stop();
  };
  try {
    const port = await listening.receiverStart(0);
    const session = listening.open(INSTANCE);
    return { feed, url: `http://127.0.0.1:${port}${session.open.path}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const INSTANCE = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-bench1' };

async function forwardCost(report: Report, quick: boolean, log: (line: string) => void): Promise<void> {
  const HANDLER_MS = 5;
  const count = quick ? 20 : 200;
  log(`forwarding: ${count} events, one at a time, to a handler taking ${HANDLER_MS} ms`);
  const handler = child(['handler', String(HANDLER_MS)]);
  let here: Awaited<ReturnType<typeof listenHere>> | undefined;
  try {
    const { port: handlerPort } = await handler.message<{ port: number }>();
    here = await listenHere(`http://127.0.0.1:${handlerPort}/hook`);
    const { feed, url } = here;
    const added = new Map<number, number>();
    const costs: number[] = [];
    let done: (() => void) | undefined;
    feed.onDidChange((event) => {
      if (!event) return;
      if (!event.forward) added.set(event.seq, performance.now());
      else {
        const own = (JSON.parse(event.forward.replyText ?? '{}') as { ownMs?: number }).ownMs ?? NaN;
        costs.push(performance.now() - (added.get(event.seq) ?? NaN) - own);
        done?.();
      }
    });
    for (let i = 0; i < count; i++) {
      const forwarded = new Promise<void>((resolve) => (done = resolve));
      await fetch(url, { method: 'POST', body: eventBody(i), headers: { 'content-type': 'application/json' } });
      await forwarded;
    }
    report.add(
      'forwarding cost per event, above the handler’s own time',
      spread(costs),
      'ms',
      { op: '≤', value: 5 },
      `event in the feed → handler’s answer recorded on it, less the handler’s own ${HANDLER_MS} ms (measured by the handler); a new connection each, as forwardBody sends`,
    );
  } finally {
    handler.proc.kill();
    await here?.stop();
  }
}

async function burst(report: Report, quick: boolean, log: (line: string) => void): Promise<void> {
  const count = quick ? 400 : 2000;
  const rate = 200;
  log(`burst: ${count} events at ${rate}/s`);
  const { feed, url, stop } = await listenHere();
  try {
    let taken = 0;
    feed.onDidChange((event) => {
      if (event && !event.forward) taken += 1;
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const sender = child(['send', url, String(count), String(rate)]);
    delay.enable();
    const sent = await sender.message<{ sent: number; ok: number; sentMs: number; late: number }>();
    delay.disable();
    const kept = feed.recent(INSTANCE);
    const ids = kept.map((e: FeedEvent) => (e.json as { key: { id: string } }).key.id);
    const expected = Array.from(
      { length: Math.min(count, EVENTS_KEPT_PER_INSTANCE) },
      (_, i) => `BENCH${String(count - 1 - i).padStart(8, '0')}`,
    );
    const lastKept = ids.length === expected.length && ids.every((id, i) => id === expected[i]);
    report.add(
      `burst of ${count} events at ${rate}/s: lost (sent − taken into the feed)`,
      sent.sent - taken,
      '',
      { op: '=', value: 0 },
      `${sent.ok} answered 200; sent over ${(sent.sentMs / 1000).toFixed(1)} s${sent.late ? `, ${sent.late} sent late` : ''}; ${taken} in the feed`,
    );
    report.add(
      `burst: the last ${EVENTS_KEPT_PER_INSTANCE} kept, newest first`,
      lastKept ? 1 : 0,
      '',
      { op: '=', value: 1 },
      `${kept.length} kept`,
    );
    report.add(
      'burst: event-loop delay p99 of the receiving process',
      delay.percentile(99) / 1e6,
      'ms',
      { op: '≤', value: 50 },
      `perf_hooks.monitorEventLoopDelay (10 ms resolution), max ${(delay.max / 1e6).toFixed(1)} ms; receiver + feed in plain Node, not the extension host (no tree view in it)`,
    );
  } finally {
    await stop();
  }
}

async function eventsMemory(report: Report, quick: boolean, log: (line: string) => void): Promise<void> {
  const count = quick ? 2000 : 10_000;
  log(`memory: ${count} events`);
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const m = process.memoryUsage();
    return { rss: m.rss / 1024 / 1024, heap: (m.heapUsed + m.external + m.arrayBuffers) / 1024 / 1024 };
  };
  const { feed, url, stop } = await listenHere();
  try {
    const run = async (n: number) => {
      const sender = child(['send', url, String(n), '1000']);
      await sender.message();
    };
    // A warm-up: what loads once is not growth.
    await run(600);
    feed.clear();
    const start = await settle();
    await run(count);
    const full = await settle();
    feed.clear();
    const cleared = await settle();
    const ring = full.heap - cleared.heap;
    report.add(
      `RSS growth for ${count.toLocaleString('en')} events, above the ring buffer’s own size`,
      full.rss - start.rss - ring,
      'MB',
      { op: '<', value: 20 },
      `RSS ${start.rss.toFixed(1)} → ${full.rss.toFixed(1)} MB after full GCs; the ${EVENTS_KEPT_PER_INSTANCE} kept events hold ${ring.toFixed(1)} MB; receiver + feed in plain Node, not the extension host`,
    );
  } finally {
    await stop();
  }
}

async function watch(report: Report, log: (line: string) => void): Promise<void> {
  log('health watch, simulated');
  const figures = await watchFigures();
  const how = `simulated: the watch’s own scheduler on a fake clock, each answer ${ANSWER_MS} ms`;
  report.add(
    'health watch, 50 instances at the default interval: requests a minute',
    figures.perMinute,
    '',
    { op: '=', value: 50 },
    how,
  );
  report.add('health watch: requests in flight at most', figures.peak, '', { op: '≤', value: 4 }, how);
  report.add('health watch: requests in 10 unfocused minutes', figures.unfocused, '', { op: '=', value: 0 }, how);
  report.add(
    'health watch: a drop noticed after (worst case: the last of 50)',
    (figures.dropNoticedMs ?? Number.POSITIVE_INFINITY) / 1000,
    's',
    { op: '≤', value: (MINUTE + 5_000) / 1000 },
    `${how}; interval 60 s`,
  );
}
