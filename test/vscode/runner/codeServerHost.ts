import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { QUIET, serverFlags } from '../../e2e/harness/codeServer';
import { e2eEnv } from '../../e2e/harness/env';
import { freePort, startProcess, stopProcess, waitFor } from '../../e2e/harness/processes';
import { CHROMIUM_ARGS } from '../../e2e/harness/workbench';
import { HostRun } from './host';
import { ScreenWatch } from './screenWatch';
import { UiDriver } from './uiDriver';
import { UI_DRIVER_ENV } from '../uiRequest';

/**
 * Runs the suite in code-server's remote Node extension host, driven by
 * headless Chromium the way VS Code's own browser integration tests are
 * (test/integration/browser in microsoft/vscode): the smoke-test driver makes the workbench
 * honour the `payload` test paths, and hands the extension host's console and
 * the suite's exit code to the two functions exposed on the page.
 */
export async function runInCodeServer(run: HostRun): Promise<number> {
  const env = e2eEnv();
  const mockUrl = await run.startMock();
  const dirs = {
    userData: join(run.workDir, 'user-data'),
    extensions: join(run.workDir, 'extensions'),
    workspace: join(run.workDir, 'workspace'),
  };
  for (const dir of [dirs.extensions, dirs.workspace, join(dirs.userData, 'User')]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(QUIET, null, 2));

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = join(run.workDir, 'code-server.log');
  const args = [
    env.codeServerEntry,
    ...serverFlags(port),
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    // Else it reads (and on first run writes) ~/.config/code-server/config.yaml, whose `cert` would change the URL.
    '--config',
    join(run.workDir, 'code-server.yaml'),
    // Without the driver a release build silently ignores the payload's test paths.
    '--vscode-option',
    'enable-smoke-test-driver',
    dirs.workspace,
  ];
  const server = startProcess(env.node24, args, logFile, {
    // The server gives the extension host its own environment, overlaid with what a login shell exports.
    env: {
      ...process.env,
      MEGAAPI_MOCK_URL: mockUrl,
      [UI_DRIVER_ENV]: '1',
      PATH: `${join(env.node24, '..')}:${process.env.PATH}`,
    },
  });
  run.onCleanup(() => stopProcess(server));
  const serverGone = settledLater(
    new Promise<never>((_, reject) =>
      server.once('exit', (code, signal) =>
        reject(new Error(`code-server exited (${code ?? signal}) before the suite finished; its log: ${logFile}`)),
      ),
    ),
  );
  await Promise.race([
    serverGone,
    waitFor(
      'code-server',
      async () => ((await fetch(origin, { redirect: 'manual' })).status < 500 ? true : undefined),
      60_000,
    ),
  ]);

  // Signals are main's to handle, so the browser closes in the same ordered shutdown as the rest.
  const browser = await chromium.launch({
    executablePath: env.chromiumPath,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  run.onCleanup(() => browser.close());
  const page = await browser.newPage();

  let exited: (code: number) => void = () => undefined;
  const suiteExit = new Promise<number>((resolve) => (exited = resolve));
  const ui = new UiDriver(page, (line) => process.stdout.write(`${line}\n`));
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (!ui.take(line)) process.stdout.write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exited(Number(code)));
  const pageGone = settledLater(
    new Promise<never>((_, reject) => {
      page.once('crash', () => reject(new Error('the workbench page crashed')));
      browser.once('disconnected', () => reject(new Error('Chromium went away before the suite finished')));
    }),
  );

  // Plain paths would become file: URIs that no extension host takes, and the run would hang.
  const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(run.root)],
    ['extensionTestsPath', remote(run.suitePath)],
    ['skipWelcome', 'true'],
  ];
  await page.goto(
    `${origin}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  // `npm run soak` only: the page is watched for tokens and a panel stuck loading.
  const screen = ScreenWatch.fromEnv(page);
  screen?.start();
  const code = await Promise.race([suiteExit, serverGone, pageGone]);
  const problems = screen?.finish();
  if (problems) console.error(`soak screen: FAILED: ${problems}`);
  return code === 0 && problems ? 1 : code;
}

/**
 * Marks a failure watcher as handled: the shutdown itself stops code-server and
 * Chromium, often before the watcher is raced, and that must not crash the
 * runner as an unhandled rejection. Awaiting it still throws.
 */
function settledLater<T>(watcher: Promise<T>): Promise<T> {
  watcher.catch(() => undefined);
  return watcher;
}
