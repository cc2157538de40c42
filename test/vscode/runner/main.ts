import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../e2e/harness/env';
import { MockProcess } from '../../e2e/harness/mockProcess';
import { runInCodeServer } from './codeServerHost';
import { runInElectron } from './electronHost';
import { TestHost, oneLine } from './host';

/**
 * `npm run test:vscode`: the VS Code API suite (test/vscode/suite) inside a
 * real extension host. MEGAAPI_TEST_HOST picks it: `code-server` (default,
 * headless, works offline) or `electron` (VS Code desktop, downloaded).
 */
const HOSTS: Record<string, TestHost> = { 'code-server': runInCodeServer, electron: runInElectron };
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const INSTANCE = 'megastart-exthost1:exthost-token';

/** Ends the run early with its own exit code and a one-line reason. */
class Stop extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

async function main(): Promise<number> {
  const hostName = process.env.MEGAAPI_TEST_HOST || 'code-server';
  const host = Object.hasOwn(HOSTS, hostName) ? HOSTS[hostName] : undefined;
  if (!host) {
    console.error(`test:vscode: unknown MEGAAPI_TEST_HOST "${hostName}"; use ${Object.keys(HOSTS).join(' or ')}.`);
    return 2;
  }
  const timeoutMs = Number(process.env.MEGAAPI_EXTHOST_TIMEOUT_MS || DEFAULT_TIMEOUT_MS);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    console.error(
      `test:vscode: MEGAAPI_EXTHOST_TIMEOUT_MS must be a positive number of milliseconds, not "${process.env.MEGAAPI_EXTHOST_TIMEOUT_MS}".`,
    );
    return 2;
  }

  const started = Date.now();
  const root = projectRoot();
  const workDir = mkdtempSync(join(tmpdir(), 'megaapi-exthost-'));
  const cleanup: Array<() => unknown> = [];
  let closing = false;
  const runStep = (step: () => unknown) =>
    Promise.resolve()
      .then(step)
      .catch(() => undefined);
  // A host still starting things when the run is stopped must not leave them running.
  const onCleanup = (step: () => unknown) => (closing ? void runStep(step) : void cleanup.push(step));
  let stop: (reason: Stop) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const timer = setTimeout(
    () => stop(new Stop(`gave up after ${timeoutMs / 1000} s (MEGAAPI_EXTHOST_TIMEOUT_MS)`, 1)),
    timeoutMs,
  );
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const exitCode = signal === 'SIGINT' ? 130 : 143;
    // A second signal means "now": the exit hook in processes.ts still kills every started process group.
    if (interrupted) process.exit(exitCode);
    interrupted = true;
    stop(new Stop(`interrupted by ${signal}`, exitCode));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let code: number;
  let reason: string | undefined;
  try {
    const startMock = async () => {
      const mock = await MockProcess.start(root, workDir, [INSTANCE]);
      onCleanup(() => mock.stop());
      return mock.url;
    };
    // `npm run soak` points the same runner at its own entry (test/soak).
    const suitePath = join(root, process.env.MEGAAPI_SUITE || 'out/test/vscode/suite/index.js');
    code = await Promise.race([host({ root, suitePath, startMock, workDir, onCleanup }), stopped]);
  } catch (error) {
    reason = oneLine(error);
    code = error instanceof Stop ? error.exitCode : 1;
  } finally {
    clearTimeout(timer);
    closing = true;
    for (const step of cleanup.splice(0).reverse()) await runStep(step);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const kept = code === 0 ? undefined : keepLogs(root, workDir);
  rmSync(workDir, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // One line either way; when the suite itself failed, mocha's report above says why.
  const outcome = code === 0 ? 'passed' : `failed (exit ${code})`;
  const line = `test:vscode (${hostName}): ${outcome} in ${seconds} s${reason ? `: ${reason}` : ''}${kept ? `; logs kept in ${kept}` : ''}`;
  if (code === 0) console.log(line);
  else console.error(line);
  return code;
}

/** The server and mock logs are the only trace of a failed run once the temp folder is gone. */
function keepLogs(root: string, workDir: string): string | undefined {
  const logs = readdirSync(workDir).filter((name) => name.endsWith('.log'));
  if (logs.length === 0) return undefined;
  const kept = join(root, 'test-results', `exthost-${Date.now()}`);
  mkdirSync(kept, { recursive: true });
  for (const name of logs) cpSync(join(workDir, name), join(kept, name));
  return kept;
}

void main().then((code) => process.exit(code));
