import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeServer } from '../e2e/harness/codeServer';
import { E2eEnv, e2eEnv } from '../e2e/harness/env';
import { MockProcess } from '../e2e/harness/mockProcess';
import { waitFor } from '../e2e/harness/processes';
import { resultsDir } from '../e2e/harness/stack';
import { Workbench } from '../e2e/harness/workbench';
import { Mark, extensionLog, readMarks, waitForMark } from './marks';
import { EXTENSION_ID, SeededInstance, seedReturningUser } from './seed';

export const BASELINE_ID = 'megaapi-test.baseline-fixture';

/**
 * Keys bound in the bench's keybindings.json, so each command runs the same
 * way for ours and the baseline, without the palette's own time or prompts.
 */
export const KEYS = {
  showQr: 'Control+Alt+F5',
  baseline: 'Control+Alt+F6',
  closeAll: 'Control+Alt+F7',
  openSidebar: 'Control+Alt+F8',
  refreshTree: 'Control+Alt+F9',
  runningExtensions: 'Control+Alt+F10',
  newFile: 'Control+Alt+F11',
  baselineEvents: 'Control+Alt+F12',
} as const;

export interface BenchStackOptions {
  /** The bench's own copy of the packaged extension. */
  vsix: string;
  /** `key:token` pairs; the first is the one Show QR opens. All are seeded as saved, with tokens. */
  instances: Array<{ key: string; token: string }>;
  delayMs?: number;
  baselineVsix?: string;
  viewport?: { width: number; height: number };
  /** More user settings, beside `megaapi.baseUrl`. */
  settings?: Record<string, unknown>;
  /** More globalState seeded beside the saved list, given the seeded instances (their baseUrl is the mock's). */
  moreState?: (seeded: SeededInstance[]) => Record<string, unknown>;
}

/** One workbench as the bench drives it: a returning user, trace marks on, commands on keys. */
export class BenchStack {
  private constructor(
    readonly mock: MockProcess,
    readonly codeServer: CodeServer,
    readonly workbench: Workbench,
    readonly seeded: SeededInstance[],
  ) {}

  static env: E2eEnv | undefined;

  static async start(options: BenchStackOptions): Promise<BenchStack> {
    const env = (BenchStack.env ??= e2eEnv());
    const mock = await MockProcess.start(
      env.root,
      resultsDir,
      options.instances.map((i) => `${i.key}:${i.token}`),
      600,
      options.delayMs ?? 0,
    );
    const codeServer = await CodeServer.start(env, options.vsix, resultsDir, {
      settings: { 'megaapi.baseUrl': mock.url, ...options.settings },
      alsoInstall: options.baselineVsix ? [options.baselineVsix] : [],
    });
    const first = options.instances[0].key;
    writeFileSync(
      join(codeServer.dirs.userData, 'User', 'keybindings.json'),
      JSON.stringify([
        { key: 'ctrl+alt+f5', command: 'megaapi.showQr', args: first },
        {
          key: 'ctrl+alt+f6',
          command: 'baseline.show',
          // Where the baseline's Swap fetches its next image: the same QR, from the same mock.
          args: { qrUrl: `${mock.url}/rest/instance/qrcode_base64/${first}`, token: options.instances[0].token },
        },
        { key: 'ctrl+alt+f7', command: 'workbench.action.closeAllEditors' },
        { key: 'ctrl+alt+f8', command: 'workbench.view.extension.megaapi' },
        { key: 'ctrl+alt+f9', command: 'megaapi.refreshInstances' },
        { key: 'ctrl+alt+f10', command: 'workbench.action.showRuntimeExtensions' },
        { key: 'ctrl+alt+f11', command: 'workbench.action.files.newUntitledFile' },
        { key: 'ctrl+alt+f12', command: 'baseline.events.focus' },
      ]),
    );
    const seeded = options.instances.map((i) => ({ baseUrl: mock.url, ...i }));
    // Marks are trace lines: only these two extensions log at trace, everything else stays at info.
    const logLevel = `info,${EXTENSION_ID}:trace,${BASELINE_ID}:trace`;
    const url = `${codeServer.workbenchUrl()}&payload=${encodeURIComponent(JSON.stringify([['logLevel', logLevel]]))}`;
    const workbench = await Workbench.open(env.chromiumPath, url, options.viewport, (page) =>
      seedReturningUser(page, codeServer.url, seeded, options.moreState?.(seeded)),
    );
    const stack = new BenchStack(mock, codeServer, workbench, seeded);
    await stack.settle();
    return stack;
  }

  get page() {
    return this.workbench.page;
  }

  /** `http://127.0.0.1:port|key`, the id our marks carry for the instance Show QR opens. */
  get ourId(): string {
    return `${this.mock.url}|${this.seeded[0].key}`;
  }

  ourLog = () => extensionLog(this.codeServer.dirs.userData, EXTENSION_ID);
  baselineLog = () => extensionLog(this.codeServer.dirs.userData, BASELINE_ID);

  marks(which: 'ours' | 'baseline'): Mark[] {
    const marks = readMarks(which === 'ours' ? this.ourLog() : this.baselineLog());
    // "-": a mark of no instance (activation, the command before it knows which one).
    return marks.filter((m) => m.id === '-' || m.id === (which === 'ours' ? this.ourId : 'baseline'));
  }

  waitForMark(which: 'ours' | 'baseline', name: string, since: number, timeoutMs?: number): Promise<Mark> {
    return waitForMark(which === 'ours' ? this.ourLog : this.baselineLog, name, since, timeoutMs);
  }

  /**
   * Presses a bound key and returns when the workbench saw it (epoch ms, the
   * clock the marks use), from a capture listener that runs before VS Code's own.
   */
  async press(key: string): Promise<number> {
    await this.page.evaluate(() => {
      const w = window as unknown as { benchT0?: number; benchArmed?: boolean };
      w.benchT0 = undefined;
      if (w.benchArmed) return;
      w.benchArmed = true;
      window.addEventListener(
        'keydown',
        (e) => {
          if (/^F\d+$/.test(e.key)) w.benchT0 ??= Date.now();
        },
        true,
      );
    });
    const before = Date.now();
    await this.page.keyboard.press(key);
    const seen = await this.page.evaluate(() => (window as unknown as { benchT0?: number }).benchT0);
    return seen ?? before;
  }

  async closeAll(): Promise<void> {
    await this.page.keyboard.press(KEYS.closeAll);
    await waitFor('the editors to close', async () =>
      (await this.page.locator('.editor-group-container .tab').count()) === 0 ? true : undefined,
    );
    await this.page.waitForTimeout(300);
  }

  /**
   * VS Code's own activation figure for an extension, as Developer: Show Running
   * Extensions shows it: loading its code plus calling activate(), in ms.
   */
  async activationMs(displayName: string): Promise<number> {
    await this.page.keyboard.press(KEYS.runningExtensions);
    const list = this.page.locator('.runtime-extensions-editor .monaco-list');
    // The list only renders the rows in view; the fastest extensions come last.
    const text = await waitFor(`${displayName} in Running Extensions`, async () => {
      const rows = await list
        .locator('.monaco-list-row')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ')));
      const row = rows.find((r) => r.includes(displayName) && /Activation: \d+ms/.test(r));
      if (!row && rows.length > 0) {
        await list.hover();
        await this.page.mouse.wheel(0, 300);
      }
      return row;
    });
    await this.closeAll();
    return Number(/Activation: (\d+)ms/.exec(text)?.[1]);
  }

  /** The extension host is up and the workbench's own start-up work is done, so timings are of one thing. */
  private async settle(): Promise<void> {
    const hostLog = () => {
      const logs = join(this.codeServer.dirs.userData, 'logs');
      if (!existsSync(logs)) return '';
      return readdirSync(logs)
        .map((session) => join(logs, session, 'exthost1', 'remoteexthost.log'))
        .filter(existsSync)
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
    };
    await waitFor(
      'the extension host',
      async () => (hostLog().includes('Eager extensions activated') ? true : undefined),
      60_000,
    );
    await this.page.waitForTimeout(3_000);
  }

  async stop(): Promise<void> {
    await this.workbench.close().catch(() => undefined);
    await Promise.all([this.codeServer.stop(), this.mock.stop()]);
  }
}
