import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { E2eEnv, projectRoot, vsixPath } from '../e2e/harness/env';
import { stopAll } from '../e2e/harness/processes';
import { resultsDir } from '../e2e/harness/stack';
import { BASELINE_ID, BenchStack, KEYS } from './benchStack';
import { EXTENSION_ID } from './seed';
import { BASELINE_QRS, packageBaseline } from './fixture';
import { memoryGrowth } from './memory';
import { median, otherCodeServers, spread } from './measure';
import { PhaseMedians, phaseMedians, phaseTable } from './phases';
import { Report } from './report';
import { KnownRun, MS_PER_REQUEST, ScaleRun, startScale, watchKnown, watchTree } from './scale';
import { Sample, Side, openPanel, primeMockQr, refreshOnce, showOnce } from './showQr';
import { bundleBreakdown, nodeFigures } from './nodeFigures';
import { burstOnScreen } from './burstScreen';
import { eventToRow, showSide } from './eventsScreen';
import { startListening } from './listenStack';
import { EVENTS_KEPT_PER_INSTANCE } from '../../src/instances/eventFeed';
import { vsixEntry } from './vsix';
import { ActivationParts, activationParts } from './activationParts';

/**
 * `npm run bench`: sizes, speed, scale and memory in one run, against the
 * targets of issues 14 and 25. Ratios come from interleaved samples (ours, baseline,
 * ours, …) and are the median of the per-pair ratios, with min–max. Printed as
 * a table with the phase breakdowns, and written to bench-results.json.
 */
// MEGAAPI_BENCH_QUICK=1 checks the bench itself in a few minutes; its figures mean nothing.
const QUICK = process.env.MEGAAPI_BENCH_QUICK === '1';
// Issue 25: more samples from several rounds instead of one long run. Warm and
// Refresh pairs come from ROUNDS fresh warm workbenches; within each pair, which
// side goes first alternates, so neither side always runs on a just-used machine.
const ROUNDS = QUICK ? 2 : 3;
const COLD_PAIRS = QUICK ? 1 : 15;
const WARM_PAIRS_PER_ROUND = QUICK ? 2 : 10;
const REFRESH_PAIRS_PER_ROUND = QUICK ? 2 : 5;
const MEMORY_CYCLES = QUICK ? 20 : 500;
const SCALE = QUICK ? [4, 10, 20] : [10, 50, 200];
const LASTKNOWN_RUNS = QUICK ? 1 : 3;
const EVENT_PAIRS = QUICK ? 3 : 15;
const BURST = QUICK ? 400 : 2000;
const BURST_RATE = 200;
const BURST_QR_SAMPLES = QUICK ? 2 : 5;
// MEGAAPI_BENCH_ONLY=cold,warm (of cold, warm, quiet, memory, scale, lastknown, events-screen,
// burst-screen; and, with no workbench, of
// mcp, forward, burst, events-memory, watch: see nodeFigures.ts) runs those parts only, to work on one
// figure; a partial run, like a quick one, stays out of bench-results.json.
const ONLY = process.env.MEGAAPI_BENCH_ONLY?.split(',').map((part) => part.trim());
const runs = (part: string) => !ONLY || ONLY.includes(part);
const PARTIAL = QUICK || ONLY !== undefined;
const BENCH = { key: 'megastart-bench1', token: 'token-bench' };
const NAMES: Record<Side, string> = { ours: 'MegaAPI for VS Code', baseline: 'Benchmark baseline (fixture)' };
const IDS: Record<Side, string> = { ours: EXTENSION_ID, baseline: BASELINE_ID };

const root = projectRoot();
const report = new Report();
const phases: Record<string, { ours: PhaseMedians; baseline: PhaseMedians }> = {};
const userDataDirs: string[] = [];
let busyMachine = 0;

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function start(options: Parameters<typeof BenchStack.start>[0]): Promise<BenchStack> {
  const stack = await BenchStack.start(options);
  userDataDirs.push(stack.codeServer.dirs.userData);
  busyMachine = Math.max(busyMachine, otherCodeServers(userDataDirs));
  return stack;
}

/** Where the production build says the activation bundle's bytes come from (scripts/build.mjs). */
const METAFILE = join(resultsDir, 'bench', 'extension-inputs.json');

/** Packages the .vsix and keeps a copy of its own: other developers' builds and packages replace dist/ and *.vsix. */
function packageOurs(): string {
  const own = join(resultsDir, 'bench', 'megaapi-vscode.vsix');
  mkdirSync(join(resultsDir, 'bench'), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    execFileSync(process.execPath, [join(root, 'scripts/package.mjs')], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, MEGAAPI_BUILD_METAFILE: METAFILE },
    });
    copyFileSync(vsixPath(root), own);
    const bundle = vsixEntry(own, 'extension/dist/extension.js').toString('utf8');
    if (!bundle.includes('sourceMappingURL')) return own;
    if (attempt === 3) {
      throw new Error('the packaged bundle is not the minified one three times over: is a watch build running?');
    }
    log('a concurrent dev build got into the package; packaging again');
  }
}

/** Per-pair ratios ours ÷ baseline, from interleaved samples. */
function ratios(ours: number[], baseline: number[]): number[] {
  return ours.map((o, i) => o / Math.max(1, baseline[i]));
}

function addComparison(name: string, ours: number[], baseline: number[], target: number, unit = 'ms'): void {
  report.add(`${name}, ours`, spread(ours), unit);
  report.add(`${name}, baseline`, spread(baseline), unit);
  report.add(`${name}, ours ÷ baseline`, spread(ratios(ours, baseline)), '×', { op: '≤', value: target });
}

/** The pair's order: ours first in even pairs, the baseline first in odd ones. */
function pairOrder(i: number): Side[] {
  return i % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
}

async function sizes(): Promise<string> {
  log('packaging');
  const vsix = packageOurs();
  const bundleKb = vsixEntry(vsix, 'extension/dist/extension.js').length / 1024;
  report.add(
    'bundle loaded at activation (dist/extension.js in the .vsix, minified)',
    bundleKb,
    'KB',
    { op: '≤', value: 130 },
    'with every merged feature',
  );
  bundleBreakdown(report, vsix, METAFILE);
  report.add('.vsix', statSync(vsix).size / 1024, 'KB', { op: '≤', value: 200 });
  return vsix;
}

async function cold(vsix: string, baselineVsix: string): Promise<void> {
  const samples: Record<Side, Sample[]> = { ours: [], baseline: [] };
  const activation: Record<Side, number[]> = { ours: [], baseline: [] };
  const parts: Record<Side, ActivationParts[]> = { ours: [], baseline: [] };
  for (let i = 0; i < COLD_PAIRS; i++) {
    for (const side of pairOrder(i)) {
      log(`cold ${side} ${i + 1}/${COLD_PAIRS}`);
      // A fresh workbench each: its first webview pays the workbench's own set-up, whichever extension opens it.
      const stack = await start({ vsix, instances: [BENCH], baselineVsix });
      try {
        await primeMockQr(stack);
        samples[side].push(await showOnce(stack, side));
        activation[side].push(await stack.activationMs(NAMES[side]));
        const own = activationParts(stack, (BenchStack.env as E2eEnv).node24, IDS[side], log);
        if (own) parts[side].push(own);
      } finally {
        await stack.stop();
      }
    }
  }
  const totals = (side: Side) => samples[side].map((s) => s.total);
  addComparison('command → QR, cold', totals('ours'), totals('baseline'), 1.2);
  phases.cold = { ours: phaseMedians(samples.ours), baseline: phaseMedians(samples.baseline) };
  // Issue 25: a ratio against a fixture that activates in 1 ms says nothing a user notices; the
  // figure is VS Code's own, judged in ms, with the baseline's beside it and no ratio target.
  report.add(
    'activation (VS Code’s own figure: load code + activate()), ours, every merged feature',
    spread(activation.ours),
    'ms',
    { op: '≤', value: 15 },
    'Developer: Show Running Extensions, whole ms; 2-core machine',
  );
  report.add('activation, baseline (VS Code’s floor; no ratio target)', spread(activation.baseline), 'ms');
  // What the figures above hold of each extension's own work: ours activates on onStartupFinished, with
  // other extensions, whose code loading VS Code counts inside ours; the baseline activates alone, on its command.
  for (const side of ['ours', 'baseline'] as const) {
    if (parts[side].length === 0) continue;
    const own = parts[side].map((p) => p.require + p.activate);
    report.add(
      `activation, ${side}: its own code loading + activate() (VS Code’s marks in the host)`,
      spread(own),
      'ms',
      undefined,
      `require ${median(parts[side].map((p) => p.require))} ms + activate() ${median(parts[side].map((p) => p.activate))} ms (medians); the rest of the row above is the host’s other work in between`,
    );
  }
}

interface WarmSamples {
  show: Record<Side, Sample[]>;
  refresh: Record<Side, Sample[]>;
  local: Sample[];
}

async function warm(vsix: string, baselineVsix: string): Promise<void> {
  const samples: WarmSamples = { show: { ours: [], baseline: [] }, refresh: { ours: [], baseline: [] }, local: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    const last = round === ROUNDS;
    // Quiet and memory need one warm workbench only: the last round's.
    if (!runs('warm') && !last) continue;
    log(`warm workbench, round ${round}/${ROUNDS}`);
    const stack = await start({ vsix, instances: [BENCH], baselineVsix });
    try {
      await primeMockQr(stack);
      if (runs('warm')) await warmRound(stack, samples);
      if (last && runs('quiet')) await quiet(stack);
      if (last && runs('memory')) await memory(stack);
    } finally {
      await stack.stop();
    }
  }
  if (!runs('warm')) return;
  const { show, refresh, local } = samples;
  addComparison(
    `command → QR, warm (${ROUNDS} rounds × ${WARM_PAIRS_PER_ROUND} pairs)`,
    show.ours.map((s) => s.total),
    show.baseline.map((s) => s.total),
    1.15,
  );
  phases.warm = { ours: phaseMedians(show.ours), baseline: phaseMedians(show.baseline) };
  addComparison(
    `Refresh → new QR (baseline: its Swap, one plain GET to the mock → new image; ${ROUNDS} rounds × ${REFRESH_PAIRS_PER_ROUND} pairs)`,
    refresh.ours.map((s) => s.total),
    refresh.baseline.map((s) => s.total),
    1.3,
  );
  report.add(
    'baseline: click → new image with no network (VS Code’s part alone)',
    spread(local.map((s) => s.total)),
    'ms',
    undefined,
    'the floor under both rows above',
  );
  phases.refresh = { ours: phaseMedians(refresh.ours), baseline: phaseMedians(refresh.baseline) };
}

/** One round in a fresh warm workbench: show pairs, then Refresh pairs, each pair's order alternating. */
async function warmRound(stack: BenchStack, samples: WarmSamples): Promise<void> {
  // Activation and each extension's first webview are the cold figures' business.
  for (const side of ['ours', 'baseline'] as const) {
    await showOnce(stack, side);
    await stack.closeAll();
  }
  for (let i = 0; i < WARM_PAIRS_PER_ROUND; i++) {
    for (const side of pairOrder(i)) {
      samples.show[side].push(await showOnce(stack, side));
      await stack.closeAll();
    }
  }
  log('refresh');
  for (let i = 0; i < REFRESH_PAIRS_PER_ROUND; i++) {
    for (const side of pairOrder(i)) {
      await openPanel(stack, side);
      samples.refresh[side].push(await refreshOnce(stack, side));
      if (side === 'baseline') samples.local.push(await refreshOnce(stack, side, BASELINE_QRS[1]));
      await stack.closeAll();
    }
  }
}

async function quiet(stack: BenchStack): Promise<void> {
  log('quiet while hidden, then closed');
  const key = BENCH.key;
  await openPanel(stack, 'ours');
  await stack.page.keyboard.press(KEYS.newFile);
  await stack.page.waitForTimeout(1_000);
  let before = (await stack.mock.requests(key)).length;
  await stack.page.waitForTimeout(QUICK ? 5_000 : 60_000);
  const hidden = (await stack.mock.requests(key)).length - before;
  report.add(`requests while hidden for ${QUICK ? 5 : 60} s`, hidden, '', { op: '=', value: 0 });
  await stack.closeAll();
  before = (await stack.mock.requests(key)).length;
  await stack.page.waitForTimeout(QUICK ? 5_000 : 30_000);
  const closed = (await stack.mock.requests(key)).length - before;
  report.add(`requests in ${QUICK ? 5 : 30} s after close`, closed, '', { op: '=', value: 0 });
}

async function memory(stack: BenchStack): Promise<void> {
  log(`memory: ${MEMORY_CYCLES} open/close cycles`);
  const memoryStart = Date.now();
  const memory = await memoryGrowth(stack, MEMORY_CYCLES, (BenchStack.env as E2eEnv).node24);
  log(`memory: ${((Date.now() - memoryStart) / 1000).toFixed(0)} s`);
  const mb = (a: number, b: number) => `${a.toFixed(1)} → ${b.toFixed(1)} MB`;
  if (memory.afterGc) {
    const { start, end, heapStart, heapEnd } = memory.afterGc;
    report.add(
      `extension-host RSS growth, ${MEMORY_CYCLES} open/close (after full GC)`,
      end - start,
      'MB',
      { op: '<', value: 5 },
      `${mb(start, end)}; V8 heap in use ${mb(heapStart, heapEnd)}`,
    );
  }
  report.add(
    `extension-host RSS growth, ${MEMORY_CYCLES} open/close (no GC forced)`,
    memory.raw.end - memory.raw.start,
    'MB',
    memory.afterGc ? undefined : { op: '<', value: 5 },
    `${mb(memory.raw.start, memory.raw.end)}; ${memory.afterGc ? 'V8 lets its heap grow when nothing presses it: the row above is what is kept' : 'the inspector was not reachable, so no GC could be forced'}`,
  );
}

async function scale(vsix: string): Promise<void> {
  const runs: Record<number, { open: ScaleRun; refresh: ScaleRun }> = {};
  for (const n of SCALE) {
    log(`${n} instances`);
    const stack = await startScale(n, vsix);
    userDataDirs.push(stack.codeServer.dirs.userData);
    try {
      const open = await watchTree(stack, 'open');
      const refresh = await watchTree(stack, 'refresh');
      runs[n] = { open, refresh };
      const floor = Math.ceil(n / 4) * MS_PER_REQUEST;
      const first = open.allChecking ? 'every row “checking…”' : 'some states already in';
      report.add(
        `${n} instances: sidebar opened → every row painted`,
        open.painted,
        'ms',
        undefined,
        `${first}; activation included`,
      );
      report.add(
        `${n} instances: sidebar opened → all states shown`,
        open.allStates,
        'ms',
        n === SCALE[1] ? { op: '≤', value: 3000 } : undefined,
        `${open.requests} status requests; floor ${floor} ms (4 at a time × ${MS_PER_REQUEST} ms); activation included`,
      );
      report.add(`${n} instances: Refresh → all states shown`, refresh.allStates, 'ms', undefined, `floor ${floor} ms`);
      report.add(`${n} instances: peak requests in flight`, Math.max(open.peak, refresh.peak), '', {
        op: '≤',
        value: 4,
      });
    } finally {
      await stack.stop();
    }
  }
  // Linear: each instance past the middle size costs no more than each one below it did.
  // From Refresh, so that activation (a constant, but a noisy one) stays out of it.
  const [a, b, c] = SCALE.map((n) => runs[n].refresh.allStates);
  const slope = (c - b) / (SCALE[2] - SCALE[1]) / ((b - a) / (SCALE[1] - SCALE[0]));
  report.add(
    `Refresh → all states: ms per instance ${SCALE[1]}→${SCALE[2]} ÷ ${SCALE[0]}→${SCALE[1]}`,
    slope,
    '×',
    { op: '≤', value: 1.25 },
    `${SCALE.join(' / ')} instances: ${a} / ${b} / ${c} ms; 1 = linear`,
  );
}

/** Issue 25: a returning user's sidebar opens on what it knows; a fresh workbench per sample (the first opening is the figure). */
async function known(vsix: string): Promise<void> {
  const n = SCALE[2];
  const runs: KnownRun[] = [];
  for (let i = 0; i < LASTKNOWN_RUNS; i++) {
    log(`${n} instances, last known states seeded (${i + 1}/${LASTKNOWN_RUNS})`);
    const stack = await startScale(n, vsix, true);
    userDataDirs.push(stack.codeServer.dirs.userData);
    try {
      runs.push(await watchKnown(stack));
    } finally {
      await stack.stop();
    }
  }
  report.add(
    `${n} instances: sidebar opened → every row shows a state (last known)`,
    spread(runs.map((r) => r.shown)),
    'ms',
    n === 200 ? { op: '≤', value: 300 } : undefined,
    `every row on screen (${Math.min(...runs.map((r) => r.drawn))} of ${n}: the list draws what fits the window); ${Math.min(...runs.map((r) => r.known))}–${Math.max(...runs.map((r) => r.known))} of them showed the seeded last known state at that frame; first row at ${median(runs.map((r) => r.firstRow))} ms (median)`,
  );
}

/** Issue 25: webhook event → row on screen, ours against the baseline's plain receiver and tree, at 1 event/s. */
async function eventsScreen(vsix: string, baselineVsix: string): Promise<void> {
  log(`events → rows: ${EVENT_PAIRS} pairs at 1 event/s`);
  const listening = await startListening(vsix, baselineVsix);
  userDataDirs.push(listening.stack.codeServer.dirs.userData);
  const samples: Record<Side, number[]> = { ours: [], baseline: [] };
  try {
    let last = 0;
    const oneEvent = async (side: Side, n: number) => {
      await showSide(listening.stack, side);
      // At most one event a second, whichever side it goes to.
      await listening.stack.page.waitForTimeout(Math.max(0, last + 1_000 - Date.now()));
      last = Date.now();
      return eventToRow(listening, side, n);
    };
    // Each side's first rows pay for its view's and its tree's set-up.
    for (const side of ['ours', 'baseline'] as const) for (let i = 0; i < 2; i++) await oneEvent(side, -1 - i);
    for (let i = 0; i < EVENT_PAIRS; i++) {
      for (const side of pairOrder(i)) samples[side].push(await oneEvent(side, i));
    }
  } finally {
    await listening.stop();
  }
  addComparison(
    'webhook event → row on screen, at 1 event/s (receiver’s request event → row in the DOM)',
    samples.ours,
    samples.baseline,
    1.3,
  );
}

/** Issue 25: a burst of events into the real workbench, the Webhook Events view open. */
async function burstScreen(vsix: string): Promise<void> {
  log(`burst on screen: ${BURST} events at ${BURST_RATE}/s`);
  const listening = await startListening(vsix);
  userDataDirs.push(listening.stack.codeServer.dirs.userData);
  try {
    const run = await burstOnScreen(listening, (BenchStack.env as E2eEnv).node24, BURST, BURST_RATE, BURST_QR_SAMPLES);
    const kept = Math.min(BURST, EVENTS_KEPT_PER_INSTANCE);
    report.add(
      `burst of ${BURST} events at ${BURST_RATE}/s, workbench: lost (sent − taken by the extension)`,
      run.sent - run.taken,
      '',
      { op: '=', value: 0 },
      `${run.answered} of ${run.sent} answered 200; sent over ${(run.sentMs / 1000).toFixed(1)} s${run.late ? `, ${run.late} sent late` : ''}; ${run.taken} taken (its log)`,
    );
    report.add(
      `burst, workbench: the view holds the last ${kept}, newest on top`,
      run.viewCount === kept && run.newestIsLast ? 1 : 0,
      '',
      { op: '=', value: 1 },
      `view says ${run.viewCount ?? '?'} events; newest row ${run.newestIsLast ? 'is' : 'is not'} the last event sent`,
    );
    report.add(
      'burst, workbench: extension-host event-loop delay p99',
      run.loop.p99,
      'ms',
      { op: '≤', value: 50 },
      `perf_hooks.monitorEventLoopDelay (10 ms resolution) in the extension host, through its inspector; max ${run.loop.max.toFixed(1)} ms, mean ${run.loop.mean.toFixed(1)} ms`,
    );
    report.add('burst, workbench: Show QR idle (warm)', spread(run.qrIdle), 'ms');
    report.add('burst, workbench: Show QR during the burst', spread(run.qrBurst), 'ms');
    report.add(
      'burst, workbench: Show QR during the burst ÷ idle warm',
      spread(run.qrBurst.map((q) => q / spread(run.qrIdle).median)),
      '×',
      { op: '≤', value: 1.5 },
      'each sample during the burst ÷ the median of the idle ones',
    );
  } finally {
    await listening.stop();
  }
}

async function main(): Promise<void> {
  const began = Date.now();
  const load = loadavg()[0];
  const vsix = await sizes();
  await nodeFigures(report, vsix, runs, QUICK, log);
  const workbench = ['cold', 'warm', 'quiet', 'memory', 'events-screen'].some(runs);
  const baselineVsix = workbench ? await packageBaseline(root) : '';
  if (runs('cold')) await cold(vsix, baselineVsix);
  if (['warm', 'quiet', 'memory'].some(runs)) await warm(vsix, baselineVsix);
  if (runs('scale')) await scale(vsix);
  if (runs('lastknown')) await known(vsix);
  if (runs('events-screen')) await eventsScreen(vsix, baselineVsix);
  if (runs('burst-screen')) await burstScreen(vsix);

  console.log(`\n${report.print()}`);
  console.log(
    '\n✓? / ✗?: met or not by the median, but the samples’ min–max is wider than the distance to the target: another run may land on the other side.',
  );
  for (const [name, title] of [
    ['cold', 'command → QR, cold (ms since the key press)'],
    ['warm', 'command → QR, warm (ms since the key press)'],
    ['refresh', 'Refresh / Swap → new image (ms since the click)'],
  ] as const) {
    if (phases[name]) console.log(`\n${phaseTable(title, phases[name].ours, phases[name].baseline)}`);
  }
  const minutes = (Date.now() - began) / 60_000;
  const machine = `${minutes.toFixed(1)} min; load average ${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end${busyMachine ? `; ${busyMachine} other code-server processes were running (other test runs): expect noise` : ''}`;
  console.log(`\n${machine}`);
  // A quick or partial run's figures are not the record: they stay out of bench-results.json.
  const out = PARTIAL ? join(resultsDir, 'bench', 'bench-results.quick.json') : join(root, 'bench-results.json');
  report.write(out, { machine, phases });
  console.log(`Written to ${out}`);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
