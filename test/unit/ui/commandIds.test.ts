import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { COMMANDS, INTERNAL_COMMANDS } from '../../../src/ui/commandIds';

interface Manifest {
  contributes: { commands: Array<{ command: string }> };
}

describe('the command ids', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();

  it('name every command package.json contributes, and only those besides the internal ones', () => {
    const named = Object.values(COMMANDS).filter((id) => !INTERNAL_COMMANDS.includes(id));
    assert.deepEqual([...named].sort(), contributed);
  });

  it('keep internal commands out of the palette', () => {
    for (const id of INTERNAL_COMMANDS) assert.ok(!contributed.includes(id), id);
  });

  it('are used by name in src, never typed as a string literal', () => {
    const files = sourceFiles('src').filter((file) => !file.endsWith('commandIds.ts'));
    const literals = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'(megaapi\.[A-Za-z]+)'/g)]
        .map((m) => m[1])
        .filter((id) => (Object.values(COMMANDS) as string[]).includes(id))
        .map((id) => `${file}: ${id}`),
    );
    assert.deepEqual(literals, []);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
