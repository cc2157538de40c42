import { ChildProcess, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2eEnv } from './env';
import { writeLanguagePacks } from './languagePacks';
import { freePort, startProcess, stopProcess, waitFor } from './processes';

export interface CodeServerOptions {
  /** User settings written before start. */
  settings?: Record<string, unknown>;
  locale?: string;
  /** A fixed port (the demo); a free one otherwise. */
  port?: number;
  /** More .vsix files to install beside the extension (test fixtures). */
  alsoInstall?: string[];
}

/** Settings that keep the workbench quiet, so tests see only what the extension shows. */
export const QUIET = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  // The health watch would add a status request per instance a minute to every test's request log: on only where a test asks.
  'megaapi.watch.intervalSeconds': 0,
};

/** How every code-server here listens: loopback only, no login, nothing phoning home, no trust prompt. */
export function serverFlags(port: number): string[] {
  return [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
  ];
}

/** A real VS Code workbench (code-server) with the packaged extension installed, in throw-away folders. */
export class CodeServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly dirs: { base: string; userData: string; extensions: string; workspace: string; log: string },
  ) {}

  static async start(env: E2eEnv, vsix: string, logDir: string, options: CodeServerOptions = {}): Promise<CodeServer> {
    const base = mkdtempSync(join(tmpdir(), 'megaapi-e2e-'));
    const dirs = {
      base,
      userData: join(base, 'user-data'),
      extensions: join(base, 'extensions'),
      workspace: join(base, 'workspace'),
      log: join(logDir, `code-server-${Date.now()}.log`),
    };
    for (const dir of [dirs.userData, dirs.extensions, dirs.workspace, join(dirs.userData, 'User')]) {
      mkdirSync(dir, { recursive: true });
    }
    writeFileSync(
      join(dirs.userData, 'User', 'settings.json'),
      JSON.stringify({ ...QUIET, ...options.settings }, null, 2),
    );
    if (options.locale) {
      writeFileSync(join(dirs.userData, 'User', 'argv.json'), JSON.stringify({ locale: options.locale }));
    }

    const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
    for (const file of [vsix, ...(options.alsoInstall ?? [])]) {
      execFileSync(env.node24, [env.codeServerEntry, ...common, '--install-extension', file], { stdio: 'ignore' });
    }
    if (options.locale) writeLanguagePacks(dirs.userData, dirs.extensions);

    const port = options.port ?? (await freePort());
    const args = [env.codeServerEntry, ...common, ...serverFlags(port)];
    if (options.locale) args.push('--locale', options.locale);
    args.push(dirs.workspace);
    const child = startProcess(env.node24, args, dirs.log, {
      env: { ...process.env, PATH: `${join(env.node24, '..')}:${process.env.PATH}` },
    });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(
      'code-server',
      async () => ((await fetch(url, { redirect: 'manual' })).status < 500 ? true : undefined),
      60_000,
    );
    return new CodeServer(child, url, dirs);
  }

  workbenchUrl(): string {
    return `${this.url}/?folder=${encodeURIComponent(this.dirs.workspace)}`;
  }

  async stop(): Promise<void> {
    await stopProcess(this.child);
    rmSync(this.dirs.base, { recursive: true, force: true });
  }
}
