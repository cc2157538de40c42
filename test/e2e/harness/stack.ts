import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CodeServer } from './codeServer';
import { E2eEnv, e2eEnv, projectRoot, vsixPath } from './env';
import { MockProcess } from './mockProcess';
import { registry } from './registry';
import { Workbench } from './workbench';

export interface StackOptions {
  /** `key:token` pairs the mock starts with. */
  instances: string[];
  /** User settings; gets the mock's URL, for `megaapi.baseUrl`. */
  settings?: (mockUrl: string) => Record<string, unknown>;
  locale?: string;
  alsoInstall?: string[];
  viewport?: { width: number; height: number };
  qrRotateSeconds?: number;
}

/** Everything one test file drives: the mock MegaAPI, code-server with the .vsix, and Chromium. */
export interface Stack {
  env: E2eEnv;
  mock: MockProcess;
  codeServer: CodeServer;
  workbench: Workbench;
  stop(): Promise<void>;
}

let env: E2eEnv | undefined;
export const resultsDir = join(projectRoot(), 'test-results');
/** The README's pictures, retaken by every end-to-end run so they show what ships. */
export const screenshotsDir = join(projectRoot(), 'docs', 'screenshots');

export async function startStack(options: StackOptions): Promise<Stack> {
  env ??= e2eEnv();
  mkdirSync(resultsDir, { recursive: true });
  const mock = await MockProcess.start(env.root, resultsDir, options.instances, options.qrRotateSeconds);
  const codeServer = await CodeServer.start(env, vsixPath(env.root), resultsDir, {
    settings: options.settings?.(mock.url),
    locale: options.locale,
    alsoInstall: options.alsoInstall,
  });
  const workbench = await Workbench.open(env.chromiumPath, codeServer.workbenchUrl(), options.viewport);
  const stack: Stack = {
    env,
    mock,
    codeServer,
    workbench,
    stop: async () => {
      if (registry().keepEvidence === evidence) registry().keepEvidence = undefined;
      await workbench.close().catch(() => undefined);
      await Promise.all([codeServer.stop(), mock.stop()]);
    },
  };
  // On a failed test: a screenshot of the workbench and the code-server log, under test-results/.
  const evidence = async (testTitle: string) => {
    const name = `${testTitle.replace(/[^a-z0-9]+/gi, '-').slice(-60)}-${Date.now()}`;
    const shot = join(resultsDir, `${name}.png`);
    await workbench.screenshot(shot).catch(() => undefined);
    copyFileSync(codeServer.dirs.log, join(resultsDir, `${name}.code-server.log`));
    return shot;
  };
  registry().keepEvidence = evidence;
  return stack;
}

/**
 * A stack whose one instance is already linked, its QR panel left open on the
 * connected state: where the specs of what a user does once linked begin.
 */
export async function startLinkedStack(key: string, token: string): Promise<Stack> {
  const stack = await startStack({
    instances: [`${key}:${token}`],
    qrRotateSeconds: 600,
    settings: (mockUrl) => ({ 'megaapi.baseUrl': mockUrl, 'megaapi.closePanelWhenConnected': false }),
  });
  await stack.workbench.showQrFor(key, token);
  await stack.mock.connect(key);
  await stack.workbench.waitForPanelState('connected', 20_000);
  return stack;
}
