import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './env';
import { resultsDir } from './stack';

/** Packs a test fixture extension (test/fixtures/<name>) into test-results/<name>-fixture.vsix. */
export function packageFixture(name: string): string {
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
    { cwd: join(root, 'test/fixtures', name), stdio: 'ignore' },
  );
  return out;
}
