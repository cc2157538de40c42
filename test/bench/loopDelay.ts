import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { inspect } from './inspector';

/**
 * Event-loop delay measured IN the extension host, with nothing of the bench
 * shipped in the extension: through the host's inspector (opened with
 * SIGUSR1, as memory.ts does), a `perf_hooks.monitorEventLoopDelay` histogram
 * is made and enabled on `start`, and read, disabled and dropped on `stop`.
 * Run with Node 24 (it has a WebSocket client): `node loopDelay.js <port> <pid> start|stop`.
 */
export interface LoopDelay {
  p99: number;
  max: number;
  mean: number;
  /** Samples taken (one per resolution tick the loop managed). */
  count: number;
}

const INSPECTOR_PORT = 9229;
const HISTOGRAM = 'globalThis.__megaapiBenchLoopDelay';

const EXPRESSIONS = {
  start: `(() => {
    const { monitorEventLoopDelay } = process.getBuiltinModule('node:perf_hooks');
    ${HISTOGRAM} = monitorEventLoopDelay({ resolution: 10 });
    ${HISTOGRAM}.enable();
    return 'started';
  })()`,
  // VS Code's own performance marks in this host (vs/base/common/performance), for activation's parts.
  marks: `JSON.stringify(globalThis.MonacoPerformanceMarks?.getMarks().filter((m) => m.name.startsWith('code/extHost/')) ?? [])`,
  stop: `(() => {
    const h = ${HISTOGRAM};
    delete ${HISTOGRAM};
    h.disable();
    return JSON.stringify({ p99: h.percentile(99) / 1e6, max: h.max / 1e6, mean: h.mean / 1e6, count: h.count });
  })()`,
};

/** Opens the extension host's inspector (once per host; before what is measured). */
export function openInspector(pid: number): void {
  process.kill(pid, 'SIGUSR1');
}

function run(node24: string, pid: number, what: keyof typeof EXPRESSIONS): string {
  return execFileSync(node24, [join(__dirname, 'loopDelay.js'), String(INSPECTOR_PORT), String(pid), what], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 30_000,
  }).trim();
}

export function startLoopDelay(node24: string, pid: number): void {
  run(node24, pid, 'start');
}

/** VS Code's `code/extHost/*` performance marks in the host: epoch ms by name. */
export function hostMarks(node24: string, pid: number): Map<string, number> {
  const marks = JSON.parse(run(node24, pid, 'marks')) as Array<{ name: string; startTime: number }>;
  return new Map(marks.map((m) => [m.name, m.startTime]));
}

export function stopLoopDelay(node24: string, pid: number): LoopDelay {
  return JSON.parse(run(node24, pid, 'stop')) as LoopDelay;
}

async function main(): Promise<void> {
  const [port, pid] = process.argv.slice(2, 4).map(Number);
  const what = process.argv[4] as keyof typeof EXPRESSIONS;
  const host = await inspect(port, pid);
  console.log(await host.evaluate(EXPRESSIONS[what]));
  host.close();
}

// Bundled into bench.js as well (esbuild), where `require.main === module` would hold too.
if (basename(process.argv[1] ?? '') === 'loopDelay.js') {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(String(error));
      process.exit(1);
    },
  );
}
