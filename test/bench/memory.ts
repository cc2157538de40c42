import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BenchStack, KEYS } from './benchStack';
import { extensionHostPid, median, rssMb } from './measure';

export interface MemoryRun {
  /** RSS as it is after a few idle seconds: from just after a forced GC (when possible) to the end, none forced between. */
  raw: { start: number; end: number };
  /** RSS and V8 heap in use right after two forced full GCs; undefined when the inspector could not be reached. */
  afterGc?: { start: number; end: number; heapStart: number; heapEnd: number };
}

const INSPECTOR_PORT = 9229;

/**
 * Extension-host memory over `cycles` open/close cycles of the QR panel, each
 * waiting for the QR on screen before closing, after a warm-up (what is loaded
 * once is not growth). RSS alone grows while V8 lets its heap grow without
 * pressure; after forced full GCs (through the host's inspector, opened with
 * SIGUSR1 and driven by heapProbe.js under Node 24) it shows what is kept.
 */
export async function memoryGrowth(stack: BenchStack, cycles: number, node24: string, warmUp = 20): Promise<MemoryRun> {
  const pid = extensionHostPid(stack.codeServer.dirs.userData);
  if (!pid) throw new Error('no extension host found for the bench workbench');
  // Before the warm-up, so that the inspector's own memory is in the baseline.
  process.kill(pid, 'SIGUSR1');
  const cycle = async () => {
    const t0 = await stack.press(KEYS.showQr);
    await stack.waitForMark('ours', 'qrShown', t0);
    await stack.page.keyboard.press(KEYS.closeAll);
    await stack.page.waitForFunction(() => document.querySelectorAll('.editor-group-container .tab').length === 0);
  };
  const idleRss = async () => {
    await stack.page.waitForTimeout(3_000);
    const readings: number[] = [];
    for (let i = 0; i < 5; i++) {
      readings.push(rssMb(pid));
      await stack.page.waitForTimeout(400);
    }
    return median(readings);
  };
  const afterGc = () => {
    try {
      const out = execFileSync(node24, [join(__dirname, 'heapProbe.js'), String(INSPECTOR_PORT), String(pid)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 30_000,
      });
      return { rss: rssMb(pid), heap: (JSON.parse(out) as { heapUsed: number }).heapUsed / 1024 / 1024 };
    } catch {
      return undefined;
    }
  };
  for (let i = 0; i < warmUp; i++) await cycle();
  // Both figures start from the same collected heap: the raw one then lets V8 be, the other collects again.
  const gcStart = afterGc();
  const rawStart = await idleRss();
  for (let i = 0; i < cycles; i++) await cycle();
  const rawEnd = await idleRss();
  const gcEnd = afterGc();
  return {
    raw: { start: rawStart, end: rawEnd },
    afterGc:
      gcStart && gcEnd
        ? { start: gcStart.rss, end: gcEnd.rss, heapStart: gcStart.heap, heapEnd: gcEnd.heap }
        : undefined,
  };
}
