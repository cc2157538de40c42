import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Tests run from the repository root (mocha's cwd).
const read = (path: string) => readFileSync(path, 'utf8');
const readJson = (path: string) => JSON.parse(read(path)) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every literal passed to `t(...)` / `l10n.t(...)` in src: the strings users see. */
function stringsInCode(): Map<string, string> {
  const found = new Map<string, string>();
  // Either quote: the formatter picks the one that needs fewer escapes.
  const call = /\bt\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
  for (const file of sourceFiles('src')) {
    const code = read(file).replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    for (const match of code.matchAll(call)) found.set((match[1] ?? match[2]).replace(/\\(['"])/g, '$1'), file);
  }
  return found;
}

describe('translations', () => {
  const bundle = readJson('l10n/bundle.l10n.pt-br.json');

  it('has a pt-BR translation for every string in the code', () => {
    const missing = [...stringsInCode()].filter(([text]) => typeof bundle[text] !== 'string' || bundle[text] === '');
    assert.deepEqual(
      missing.map(([text, file]) => `${file}: ${text}`),
      [],
    );
  });

  it('has no pt-BR entry the code no longer uses', () => {
    const used = stringsInCode();
    assert.deepEqual(
      Object.keys(bundle).filter((text) => !used.has(text)),
      [],
    );
  });

  it('keeps every placeholder of the English text in the Portuguese one', () => {
    for (const [english, portuguese] of Object.entries(bundle)) {
      const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(holes(String(portuguese)), holes(english), english);
    }
  });

  it('has the same manifest keys in English and pt-BR, and every %key% in package.json exists', () => {
    const english = readJson('package.nls.json');
    const portuguese = readJson('package.nls.pt-br.json');
    assert.deepEqual(Object.keys(portuguese).sort(), Object.keys(english).sort());
    const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(
      used.filter((key) => !(key in english)),
      [],
    );
    for (const [key, text] of Object.entries(portuguese)) assert.ok(typeof text === 'string' && text !== '', key);
  });
});
