import { BenchStack, KEYS } from './benchStack';

export interface ScaleRun {
  /** Key press → every row in the tree, each "checking…" or already with its new state. */
  painted: number;
  /** Whether that first full paint showed every row as "checking…". */
  allChecking: boolean;
  /** Key press → no row "checking…" any more. */
  allStates: number;
  /** Most status requests the mock had in flight at once. */
  peak: number;
  /** Status requests the mock received. */
  requests: number;
}

export const MS_PER_REQUEST = 200;

/**
 * N saved instances (seeded as a returning user has them) on a mock that
 * answers every request after 200 ms. The viewport is tall enough for every
 * row to be rendered, so "shown" means on screen, not only in the model.
 */
export async function startScale(n: number, vsix: string, lastKnown = false): Promise<BenchStack> {
  const instances = Array.from({ length: n }, (_, i) => ({
    key: `megastart-scale${String(i).padStart(4, '0')}`,
    token: `token-scale-${i}`,
  }));
  return BenchStack.start({
    vsix,
    instances,
    delayMs: MS_PER_REQUEST,
    // Every row in the DOM for the scale figures (the Webhook Events view takes half the height); a
    // returning user's window for the last known one, where the list draws the rows that fit.
    viewport: lastKnown ? undefined : { width: 1280, height: 2 * 22 * n + 400 },
    // As a returning user has them: every instance last heard of a minute ago as connected (the mock
    // says disconnected, so a known state and a fresh one can be told apart on screen).
    moreState: lastKnown
      ? (seeded) => ({
          'megaapi.lastKnownStates': Object.fromEntries(
            seeded.map((i) => [
              `${i.baseUrl}|${i.key}`,
              {
                entry: { kind: 'connected', status: { status: 'connected', connected: true } },
                at: Date.now() - 60_000,
              },
            ]),
          ),
        })
      : undefined,
  });
}

/**
 * Opens the sidebar with last known states seeded and watches the rows frame
 * by frame: ms from the key press to every row on screen showing a state
 * (known or fresh), none "checking…" alone, and how many were the known ones.
 * The list draws the rows that fit in the window; each knows it is one of n.
 */
export interface KnownRun {
  /** Key press → the first instance row on screen. */
  firstRow: number;
  /** Key press → every instance row on screen, whatever it says. */
  allRows: number;
  /** Key press → every row with a real state. */
  shown: number;
  /** Rows that showed the seeded (last known) state at that frame. */
  known: number;
  /** Rows the list drew at that frame: all that fit in the window. */
  drawn: number;
}

export async function watchKnown(stack: BenchStack): Promise<KnownRun> {
  const n = stack.seeded.length;
  await stack.page.evaluate((n) => {
    const state: { firstRow?: number; allRows?: number; shown?: number; known?: number; drawn?: number } = {};
    (window as unknown as { benchKnown: typeof state }).benchKnown = state;
    const tick = () => {
      // The instance rows only: other views of the container (the events view) have rows too.
      const rows = Array.from(
        document.querySelectorAll('[id="workbench.view.extension.megaapi"] .monaco-list-row'),
      ).filter((r) => (r.getAttribute('aria-label') ?? '').startsWith('Instance: '));
      const labels = rows.map((r) => r.getAttribute('aria-label') ?? '');
      // Every row the list draws (it draws what fits), in a list that holds all n.
      const full = rows.length > 0 && rows.every((r) => r.getAttribute('aria-setsize') === String(n));
      if (rows.length > 0) state.firstRow ??= Date.now();
      if (full) state.allRows ??= Date.now();
      // A real state: any answer, known or fresh; not "checking…" alone, not "not checked yet".
      const real = labels.filter((l) => /State: /.test(l) && !/State: (checking…|not checked yet)/.test(l)).length;
      if (full && real === rows.length) {
        state.shown = Date.now();
        state.drawn = rows.length;
        state.known = labels.filter((l) => l.includes('State: connected')).length;
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, n);
  const t0 = await stack.press(KEYS.openSidebar);
  const limit = Date.now() + 30_000 + (n * MS_PER_REQUEST) / 2;
  let seen: { firstRow?: number; allRows?: number; shown?: number; known?: number; drawn?: number } = {};
  while (Date.now() < limit) {
    seen = await stack.page.evaluate(() => (window as unknown as { benchKnown: object }).benchKnown);
    if (seen.shown !== undefined) break;
    await stack.page.waitForTimeout(100);
  }
  if (seen.shown === undefined) {
    const rows = await stack.page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('[id="workbench.view.extension.megaapi"] .monaco-list-row'));
      const panes = Array.from(document.querySelectorAll('[id="workbench.view.extension.megaapi"] .pane')).map(
        (p) => `${p.querySelector('.pane-header')?.textContent}:${(p as HTMLElement).offsetHeight}px`,
      );
      return [
        `${all.length} rows; panes ${panes.join(', ')}`,
        ...all.slice(0, 2).map((r) => `${r.getAttribute('aria-setsize')}: ${r.getAttribute('aria-label')}`),
      ];
    });
    throw new Error(`${n} instances: the tree never showed a state on every row; rows: ${JSON.stringify(rows)}`);
  }
  return {
    firstRow: (seen.firstRow ?? seen.shown) - t0,
    allRows: (seen.allRows ?? seen.shown) - t0,
    shown: seen.shown - t0,
    known: seen.known ?? 0,
    drawn: seen.drawn ?? 0,
  };
}

/**
 * Opens the sidebar ('open') or presses Refresh in it, and watches the rows
 * frame by frame. Before a Refresh every instance links (or unlinks) in the
 * mock, so that the new states can be told from the old ones on screen.
 */
export async function watchTree(stack: BenchStack, how: 'open' | 'refresh'): Promise<ScaleRun> {
  const n = stack.seeded.length;
  let expected = 'State: disconnected';
  if (how === 'refresh') {
    const linked = (await stack.mock.state(stack.seeded[0].key)).connected;
    for (const { key } of stack.seeded) await (linked ? stack.mock.disconnect(key) : stack.mock.connect(key));
    expected = linked ? 'State: disconnected' : 'State: connected';
  }
  await stack.page.evaluate(
    ({ n, expected }) => {
      const state: { painted?: number; allChecking?: boolean; done?: number } = {};
      (window as unknown as { benchTree: typeof state }).benchTree = state;
      const tick = () => {
        const rows = Array.from(document.querySelectorAll('[id="workbench.view.extension.megaapi"] .monaco-list-row'));
        const labels = rows.map((r) => r.getAttribute('aria-label') ?? '');
        const full = rows.length === n && rows.every((r) => r.getAttribute('aria-setsize') === String(n));
        const checking = labels.filter((l) => l.includes('State: checking')).length;
        const fresh = labels.filter((l) => l.includes(expected)).length;
        // Every row on screen is "checking…" or has its new state: none is left as it was.
        if (full && state.painted === undefined && checking + fresh === n) {
          state.painted = Date.now();
          state.allChecking = checking === n;
        }
        if (full && fresh === n) {
          state.done = Date.now();
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    { n, expected },
  );
  await stack.mock.resetConcurrency();
  const before = (await stack.mock.requests()).length;
  const t0 = await stack.press(how === 'open' ? KEYS.openSidebar : KEYS.refreshTree);
  const limit = Date.now() + 30_000 + (n * MS_PER_REQUEST) / 2;
  let tree: { painted?: number; allChecking?: boolean; done?: number } = {};
  while (Date.now() < limit) {
    tree = await stack.page.evaluate(() => (window as unknown as { benchTree: object }).benchTree);
    if (tree.done !== undefined) break;
    await stack.page.waitForTimeout(100);
  }
  if (tree.painted === undefined || tree.done === undefined) {
    throw new Error(
      `${n} instances (${how}): the tree never showed ${tree.painted === undefined ? 'every row' : 'every state'}`,
    );
  }
  const requests = (await stack.mock.requests()).slice(before).filter((r) => /^\/rest\/instance\/[^/]+$/.test(r.path));
  return {
    painted: tree.painted - t0,
    allChecking: tree.allChecking ?? false,
    allStates: tree.done - t0,
    peak: (await stack.mock.concurrency()).peak,
    requests: requests.length,
  };
}
