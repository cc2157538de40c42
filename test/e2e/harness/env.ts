import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface E2eEnv {
  root: string;
  node24: string;
  codeServerEntry: string;
  chromiumPath: string;
}

/** Runs the idempotent provisioning script and reads the paths it prints. */
export function e2eEnv(): E2eEnv {
  const root = projectRoot();
  const out = execFileSync('bash', [resolve(root, 'scripts/provision.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const values = Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
  return { root, node24: values.NODE24, codeServerEntry: values.CODE_SERVER_ENTRY, chromiumPath: values.CHROMIUM_PATH };
}

export function vsixPath(root: string): string {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return resolve(root, `${pkg.name}-${pkg.version}.vsix`);
}

/** The folder with the project's package.json, wherever the bundled test file runs from. */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(resolve(dir, 'package.json')) || !existsSync(resolve(dir, 'scripts/provision.sh'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No project root above ${from}`);
    dir = parent;
  }
  return dir;
}
