import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SilentReporter, TestRunFailedError, downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { HostRun, oneLine } from './host';

/**
 * Runs the suite in VS Code desktop through @vscode/test-electron, for
 * developers who can download VS Code. Offline it fails: a suite that did not
 * run must never look like one that passed.
 */
export async function runInElectron(run: HostRun): Promise<number> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      // .cache/ is git-ignored; the default .vscode-test/ in the project root is not.
      cachePath: join(run.root, '.cache', 'vscode-test'),
      reporter: new SilentReporter(),
      timeout: 30_000,
    });
  } catch (error) {
    throw new Error(`VS Code desktop could not be downloaded, so the suite did not run (${oneLine(error)})`);
  }

  const mockUrl = await run.startMock();
  const workspace = join(run.workDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const ours = new Set(process.listeners('SIGINT'));
  const testRun = runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: run.root,
    extensionTestsPath: run.suitePath,
    extensionTestsEnv: { MEGAAPI_MOCK_URL: mockUrl },
    launchArgs: [
      workspace,
      '--disable-extensions',
      `--user-data-dir=${join(run.workDir, 'user-data')}`,
      `--extensions-dir=${join(run.workDir, 'extensions')}`,
    ],
  });
  const settled = testRun.then(
    () => true,
    () => true,
  );
  // test-electron keeps VS Code's process to itself; the SIGINT listener it adds
  // while VS Code runs (close gracefully, then kill the tree) is the only way to stop it early.
  run.onCleanup(async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const stopping = process.listeners('SIGINT').filter((listener) => !ours.has(listener));
      if (stopping.length === 0) return;
      for (const listener of stopping) listener('SIGINT');
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
  });
  try {
    await testRun;
    return 0;
  } catch (error) {
    if (error instanceof TestRunFailedError) return error.code ?? 1;
    throw error;
  }
}
