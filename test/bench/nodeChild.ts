// The bench's loopback helpers, each in a process of its own so that their
// work stays out of the event loop being measured:
//   mcp <path of dist/mcp.js>        starts the MCP server from the shipped bundle, timed
//   handler <ms>                     a forward target that takes <ms> of its own per event
//   send <url> <count> <per second>  POSTs numbered events at a fixed rate
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { StartMcpServer } from '../../src/mcp/mcpServer';
import { defineTool } from '../../src/tools/toolKit';
import { TOOLS } from '../../src/tools/toolTable';
import { ToolName } from '../../src/tools/toolNames';
import { toolWorld } from '../unit/tools/fakes';
import { eventBody } from './eventBody';
import { post } from './post';

const [mode, ...args] = process.argv.slice(2);
const send = (message: unknown) => process.send?.(message);

async function mcp(path: string): Promise<void> {
  const t0 = performance.now();
  const load = require as (p: string) => { startMcpServer: StartMcpServer };
  const { startMcpServer } = load(path);
  const loaded = performance.now();
  // Ten saved instances whose states are known: the MCP path's own cost, not MegaAPI's.
  const saved = Array.from({ length: 10 }, (_, i) => ({
    baseUrl: 'https://api2.megaapi.com.br',
    key: `megastart-b${i}`,
  }));
  const { deps } = toolWorld({ saved });
  const tools = (Object.keys(TOOLS) as ToolName[]).map((name) => defineTool(name, TOOLS[name](deps), deps));
  const bearer = 'bench-bearer-0123456789abcdef0123456789';
  const server = await startMcpServer({
    tools,
    bearer,
    version: 'bench',
    clientLabel: (name) => `the MCP client "${name ?? '?'}"`,
    log: () => undefined,
  });
  const started = performance.now();
  send({ url: server.url, bearer, loadMs: loaded - t0, startMs: started - t0 });
}

function handler(ms: number): void {
  const server = createServer((req, res) => {
    const t0 = performance.now();
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        const own = performance.now() - t0;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ownMs: own }));
      }, ms),
    );
  });
  server.listen(0, '127.0.0.1', () => send({ port: (server.address() as AddressInfo).port }));
}

async function sender(url: string, count: number, perSecond: number): Promise<void> {
  const gap = 1000 / perSecond;
  const t0 = performance.now();
  const answers: Array<Promise<number>> = [];
  let late = 0;
  for (let i = 0; i < count; i++) {
    const due = t0 + i * gap;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    else if (wait < -gap) late += 1;
    answers.push(post(url, eventBody(i)));
  }
  const sentMs = performance.now() - t0;
  const statuses = await Promise.all(answers);
  send({ sent: count, ok: statuses.filter((s) => s === 200).length, sentMs, late });
}

if (require.main === module) {
  if (mode === 'mcp') void mcp(args[0]);
  else if (mode === 'handler') handler(Number(args[0]));
  else if (mode === 'send') void sender(args[0], Number(args[1]), Number(args[2]));
}
