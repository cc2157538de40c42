import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchStack } from './benchStack';
import { ListeningStack } from './listenStack';
import { LoopDelay, openInspector, startLoopDelay, stopLoopDelay } from './loopDelay';
import { extensionHostPid } from './measure';
import { showSide } from './eventsScreen';
import { primeMockQr, showOnce } from './showQr';

export interface BurstRun {
  sent: number;
  /** POSTs the receiver answered 200. */
  answered: number;
  /** Events the extension took (one `Event … id=BENCH…` log line each). */
  taken: number;
  sentMs: number;
  late: number;
  /** What the Webhook Events view says: its instance row's count, and whether its newest row is the last event sent. */
  viewCount?: number;
  newestIsLast: boolean;
  loop: LoopDelay;
  /** Show QR, ms from the key press to the QR decoded: idle, then during the burst. */
  qrIdle: number[];
  qrBurst: number[];
}

/** The sender runs in a process of its own (nodeChild.js), so its work stays out of what is measured. */
function sendInChild(url: string, count: number, perSecond: number) {
  const proc = fork(join(__dirname, 'nodeChild.js'), ['send', url, String(count), String(perSecond)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise<{ sent: number; ok: number; sentMs: number; late: number }>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as { sent: number; ok: number; sentMs: number; late: number }));
    proc.once('exit', (code) => reject(new Error(`the burst sender exited (${code})`)));
  });
}

async function qrSample(stack: BenchStack): Promise<number> {
  const sample = await showOnce(stack, 'ours');
  await stack.closeAll();
  return sample.total;
}

/** The Webhook Events view as it is on screen: the instance row's "listening, N events" and the newest event row. */
async function viewNow(stack: BenchStack): Promise<{ count?: number; newest: string }> {
  return stack.page.evaluate(() => {
    const panes = Array.from(document.querySelectorAll('.part.sidebar .pane'));
    const pane = panes.find((p) => p.querySelector('.pane-header')?.textContent?.includes('Webhook Events'));
    const rows = Array.from(pane?.querySelectorAll('.monaco-list-row') ?? []);
    const head = rows.find((r) => r.getAttribute('aria-level') === '1')?.textContent ?? '';
    const newest = rows.find((r) => r.getAttribute('aria-level') === '2' && r.getAttribute('aria-posinset') === '1');
    const count = /listening, (\d+) events/.exec(head)?.[1];
    return { count: count === undefined ? undefined : Number(count), newest: newest?.textContent ?? '' };
  });
}

/**
 * A burst of `count` events at `perSecond` from a loopback sender to the
 * listening extension in the real workbench, its Webhook Events view open.
 * Meanwhile: the extension host's event-loop delay (measured in the host), and
 * Show QR samples, against samples of the same workbench idle just before.
 */
export async function burstOnScreen(
  listening: ListeningStack,
  node24: string,
  count: number,
  perSecond: number,
  qrSamples: number,
): Promise<BurstRun> {
  const { stack } = listening;
  const pid = extensionHostPid(stack.codeServer.dirs.userData);
  if (!pid) throw new Error('no extension host found for the bench workbench');
  openInspector(pid);
  await showSide(stack, 'ours');
  await primeMockQr(stack);
  // The first panel pays for the webview's set-up: the cold figures' business.
  for (let i = 0; i < 2; i++) await qrSample(stack);
  const qrIdle: number[] = [];
  for (let i = 0; i < qrSamples; i++) qrIdle.push(await qrSample(stack));
  await stack.page.waitForTimeout(1_000);

  startLoopDelay(node24, pid);
  const sending = sendInChild(listening.receiverUrl, count, perSecond);
  let done = false;
  const sent = sending.finally(() => (done = true));
  // Give the burst a second to be under way, then Show QR again and again until it ends.
  await stack.page.waitForTimeout(1_000);
  const qrBurst: number[] = [];
  while (!done) qrBurst.push(await qrSample(stack));
  const result = await sent;
  const loop = stopLoopDelay(node24, pid);

  // The view updates after the last answer: let it settle before reading it.
  const lastLabel = `bench event ${count - 1}:`;
  let view = await viewNow(stack);
  for (let i = 0; i < 50 && !view.newest.includes(lastLabel); i++) {
    await stack.page.waitForTimeout(200);
    view = await viewNow(stack);
  }
  const log = readFileSync(stack.ourLog() ?? '', 'utf8');
  const taken = (log.match(/ Event conversation \S+ id=BENCH\d{8}$/gm) ?? []).length;
  return {
    sent: result.sent,
    answered: result.ok,
    taken,
    sentMs: result.sentMs,
    late: result.late,
    viewCount: view.count,
    newestIsLast: view.newest.includes(lastLabel),
    loop,
    qrIdle,
    qrBurst,
  };
}
