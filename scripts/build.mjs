// Bundles the extension (and, with --tests, the test suites and the mock server)
// with esbuild. Type-checking is `npm run typecheck`; esbuild only strips types.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');

function filesUnder(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

// fetch-blob (a node-fetch dependency) falls back to web-streams-polyfill only
// where Node lacks ReadableStream; every VS Code extension host has it, so the
// 60 KB fallback is left out of the bundle.
const dropStreamsPolyfill = {
  name: 'drop-web-streams-polyfill',
  setup(build) {
    build.onResolve({ filter: /^web-streams-polyfill(\/|$)/ }, () => ({ path: 'web-streams-polyfill', namespace: 'empty' }));
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  plugins: [dropStreamsPolyfill],
};

await esbuild.build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
});

if (withTests) {
  // Test code keeps its npm packages external (they are in node_modules when
  // tests run), but bundles node-fetch because it is ESM-only.
  await esbuild.build({
    ...common,
    entryPoints: filesUnder('test', '.ts'),
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'mocha', 'playwright-core', 'jsqr', 'pngjs', 'qrcode', 'fast-check', '@vscode/test-electron'],
    sourcemap: true,
  });
}
