// Builds the minified bundle and packs exactly one .vsix at the repository root.
// Dependencies are bundled by esbuild, so vsce must not pack node_modules.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, readFileSync } from 'node:fs';

for (const name of readdirSync('.')) {
  if (name.endsWith('.vsix')) rmSync(name);
}
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `${name}-${version}.vsix`;
execFileSync(
  process.execPath,
  ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out],
  { stdio: 'inherit' },
);
console.log(out);
