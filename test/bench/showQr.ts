import { BenchStack, KEYS } from './benchStack';
import { BASELINE_QRS } from './fixture';
import { phasesSince } from './marks';

export type Side = 'ours' | 'baseline';

/** One command → QR run: ms from the key press to the image decoded on screen, and each phase on the way. */
export interface Sample {
  total: number;
  phases: Record<string, number>;
}

/**
 * Presses the side's key, waits for its `qrShown` mark (the webview's
 * `decode()` resolved), then, untimed, checks that the image on screen
 * decodes to the expected QR. Page-side times join the marks: when the
 * webview's frames started loading (their `performance.timeOrigin`).
 */
export async function showOnce(stack: BenchStack, side: Side): Promise<Sample> {
  const t0 = await stack.press(side === 'ours' ? KEYS.showQr : KEYS.baseline);
  const shown = await stack.waitForMark(side, 'qrShown', t0).catch(async (error: unknown) => {
    // A token prompt means the workbench did not take the seeded returning user (see seed.ts).
    const prompt = await stack.page.locator('.quick-input-widget').isVisible();
    throw prompt ? new Error(`${side}: a prompt opened instead of the panel; was the state seeded?`) : error;
  });
  const phases = phasesSince(stack.marks(side), t0, shown.at);
  Object.assign(phases, await framePhases(stack, t0));
  if (side === 'ours') {
    const arrived = (await stack.mock.requests(stack.seeded[0].key)).find(
      (r) => r.path.includes('qrcode_base64') && r.time >= t0,
    );
    if (arrived) phases.qrAtServer = arrived.time - t0;
  }
  const expected = side === 'ours' ? (await stack.mock.state(stack.seeded[0].key)).currentQr : BASELINE_QRS[0];
  const read = await stack.workbench.readQr();
  if (read !== expected) throw new Error(`${side}: the panel shows ${read}, not ${expected}`);
  return { total: shown.at - t0, phases };
}

/**
 * Refresh (ours) or Swap (baseline) in an open panel: ms from the click, in
 * the webview, to the new image decoded. The mock first moves to a new QR, so
 * that both have something new to fetch and show. With `local`, the
 * baseline's "Swap (no network)" instead: VS Code's part alone.
 */
export async function refreshOnce(stack: BenchStack, side: Side, local?: string): Promise<Sample> {
  const frame = await stack.workbench.panelFrame();
  let expected = local;
  if (expected === undefined) {
    expected = await stack.mock.rotate(stack.seeded[0].key);
    await primeMockQr(stack);
  }
  await frame.evaluate(() => {
    const w = window as unknown as { benchT0?: number };
    w.benchT0 = undefined;
    document.addEventListener('click', () => (w.benchT0 ??= Date.now()), { capture: true, once: true });
  });
  await frame.click(side === 'ours' ? '#refresh' : local === undefined ? '#swap' : '#swapLocal');
  const t0 = (await frame.evaluate(() => (window as unknown as { benchT0?: number }).benchT0)) ?? Date.now();
  const shown = await stack.waitForMark(side, 'qrShown', t0);
  const phases = phasesSince(stack.marks(side), t0, shown.at);
  if (local === undefined) {
    const arrived = (await stack.mock.requests(stack.seeded[0].key)).find(
      (r) => r.path.includes('qrcode_base64') && r.time >= t0,
    );
    if (arrived) phases.qrAtServer = arrived.time - t0;
  }
  await stack.workbench.waitForQr(expected, 10_000);
  return { total: shown.at - t0, phases };
}

/**
 * The mock draws a QR's PNG on the first request for it (tens of ms, more on
 * a busy machine); a real server's drawing is not the extension's time either.
 * Asking once, untimed, leaves the round trip and the extension's own work.
 */
export async function primeMockQr(stack: BenchStack): Promise<void> {
  const { key, token, baseUrl } = stack.seeded[0];
  const response = await fetch(`${baseUrl}/rest/instance/qrcode_base64/${key}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  await response.text();
}

/** Opens the side's panel and waits for its image, untimed: the state a Refresh starts from. */
export async function openPanel(stack: BenchStack, side: Side): Promise<void> {
  const t0 = await stack.press(side === 'ours' ? KEYS.showQr : KEYS.baseline);
  await stack.waitForMark(side, 'qrShown', t0);
  await stack.page.waitForTimeout(300);
}

/** The webview's two frames: the host page VS Code creates per webview, then the page that holds the content. */
async function framePhases(stack: BenchStack, t0: number): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  for (const frame of stack.page.frames()) {
    const url = frame.url();
    const name = url.includes('/pre/index.html')
      ? 'webviewFrame'
      : url.includes('/pre/fake.html')
        ? 'contentFrame'
        : '';
    if (!name) continue;
    const origin = await frame.evaluate(() => performance.timeOrigin).catch(() => undefined);
    if (origin !== undefined && origin >= t0 - 5) phases[name] = Math.round(origin - t0);
  }
  return phases;
}
