import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectRoot } from './env';
import { resultsDir } from './stack';

/**
 * Packs a test fixture extension (test/fixtures/<suite>/<name>, named by the
 * suite that uses it) into test-results/<name>-fixture.vsix.
 */
export function packageFixture(path: string): string {
  const name = basename(path);
  const root = projectRoot();
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, `${name}-fixture.vsix`);
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@vscode/vsce/vsce'),
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--out',
      out,
    ],
    { cwd: join(root, 'test/fixtures', path), stdio: 'ignore' },
  );
  return out;
}
