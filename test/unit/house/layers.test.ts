import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The floors of src/, lowest first. A file may import from its own floor or
 * below, never above: the pure base knows nothing of VS Code, the thin VS Code
 * helpers know no feature, and extension.ts only wires. The last floor but
 * one holds the features, which never import one another either.
 */
const FLOORS = [
  ['core', 'log'],
  ['api', 'settings'],
  ['instances', 'text'],
  ['ui', 'prompts'],
  [
    'qr',
    'sidebar',
    'manage',
    'messages',
    'webhook',
    'deepLinks',
    'tools',
    'snippets',
    'groups',
    'mcp',
    'events',
    'watch',
  ],
  ['extension', 'onFirstUse'],
];

/**
 * The one way down-up: the loader features call to reach the code that loads
 * on first use (src/onFirstUse.ts, wired like extension.ts). It names that
 * module's type and requires it when called; nothing runs it at import.
 */
const LOADER = { file: join('src', 'ui', 'loadOnFirstUse.ts'), to: '../onFirstUse' };
const floorOf = (unit: string) => FLOORS.findIndex((floor) => floor.includes(unit));

/** `src/api/client.ts` → `api`; `src/extension.ts` → `extension`. */
function unitOf(path: string): string {
  const [first, second] = relative('src', path).split('/');
  return second === undefined ? first.replace(/\.ts$/, '') : first;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the import map of src/', () => {
  it('has a floor for every folder and no import from a lower floor to a higher one', () => {
    const upward: string[] = [];
    for (const file of sourceFiles('src')) {
      const from = unitOf(file);
      assert.notEqual(floorOf(from), -1, `${from} has no floor in this test`);
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const to = unitOf(normalize(join(dirname(file), match[1])));
        if (file === LOADER.file && match[1] === LOADER.to) continue;
        if (floorOf(to) > floorOf(from)) upward.push(`${file} → ${match[1]}`);
      }
    }
    assert.deepEqual(upward, []);
  });

  it('never lets one feature import another', () => {
    const features = FLOORS[FLOORS.length - 2];
    const across: string[] = [];
    for (const file of sourceFiles('src')) {
      const from = unitOf(file);
      if (!features.includes(from)) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const to = unitOf(normalize(join(dirname(file), match[1])));
        if (to !== from && features.includes(to)) across.push(`${file} → ${match[1]}`);
      }
    }
    assert.deepEqual(across, []);
  });

  it('keeps vscode out of the base that plain mocha tests', () => {
    const pure = ['core', 'api', 'instances', 'text'];
    const touching = sourceFiles('src')
      .filter((file) => pure.includes(unitOf(file)))
      .filter((file) => /from 'vscode'|require\('vscode'\)/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(touching, []);
  });
});
