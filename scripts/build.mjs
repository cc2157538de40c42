// Bundles the extension (and, with --tests, the test suites and the mock server)
// with esbuild. Type-checking is `npm run typecheck`; esbuild only strips types.
// With --watch it keeps rebuilding on change and reports in the form the `watch`
// task's problem matcher in .vscode/tasks.json reads.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');
// --analyze prints where the extension bundle's bytes come from, file by file.
const analyze = process.argv.includes('--analyze');
// MEGAAPI_BUILD_METAFILE=<file> writes where dist/extension.js's bytes come from, as JSON (the bench's breakdown).
const metafileOut = process.env.MEGAAPI_BUILD_METAFILE;

function filesUnder(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

// Parts of node-fetch's dependency tree that the extension never reaches, each
// replaced by a stub that says so if it ever were. node-fetch itself (requests,
// headers, bodies as text, streams, redirects, abort) is bundled whole.
const UNUSED = {
  // Response.blob() and Blob or File request bodies: the client reads text and sends JSON strings.
  'fetch-blob': unusedClass('Blob'),
  'fetch-blob/from.js': `${unusedClass('Blob')} export { Blob as File };
    export const blobFrom = () => unused('blobFrom'), blobFromSync = blobFrom, fileFrom = blobFrom, fileFromSync = blobFrom;`,
  // FormData request bodies and Response.formData(): never sent, never read.
  'formdata-polyfill/esm.min.js': `${unusedClass('FormData')} export const formDataToBlob = () => unused('FormData');`,
  './utils/multipart-parser.js':
    "export const toFormData = () => Promise.reject(new Error('Response.formData() is not bundled'));",
  // data: URLs: the request gate lets only http(s) through.
  'data-uri-to-buffer': "export default () => { throw new Error('data: URLs are not bundled'); };",
};

function unusedClass(name) {
  return `const unused = (what) => { throw new Error(what + ' is not bundled'); };
    export default class ${name} { constructor() { unused('${name}'); } } export { ${name} };`;
}

const dropUnused = {
  name: 'drop-unused-node-fetch-parts',
  setup(build) {
    const names = Object.keys(UNUSED).map((name) => name.replaceAll('.', '\\.'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => {
      if (args.path.startsWith('./') && !args.importer.includes('node-fetch')) return undefined;
      return { path: args.path, namespace: 'unused' };
    });
    build.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({
      contents: UNUSED[args.path],
      loader: 'js',
    }));
  },
};

const dropAjv = {
  name: 'drop-ajv',
  setup(build) {
    build.onResolve({ filter: /validation\/ajv-provider\.js$/ }, (args) => ({ path: args.path, namespace: 'no-ajv' }));
    build.onLoad({ filter: /.*/, namespace: 'no-ajv' }, () => ({
      contents: `export class AjvJsonSchemaValidator {
        constructor() { throw new Error('ajv is not bundled: pass jsonSchemaValidator'); }
      }`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Non-ASCII text (…, ✓, pt-BR in tests) as UTF-8 rather than \u escapes: smaller, and Node reads UTF-8.
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [dropUnused],
};

// A test file deleted from test/ must not keep running from an old bundle in out/.
if (withTests && !watch) rmSync('out/test', { recursive: true, force: true });

// What activation does not need loads on first use, from files of its own: each
// loader's `require` of a module is redirected to the file that module becomes.
const APART = [
  // Copy Request as Code's templates.
  { importer: 'loadSnippets.ts', path: './engine', file: './snippets.js' },
  // node-fetch: the first request (a status check, a QR) loads it, not activation.
  { importer: 'nodeFetch.ts', path: './fetchEngine', file: './fetch.js' },
  // Every command's own code and the agent tools (src/onFirstUse.ts).
  { importer: 'loadOnFirstUse.ts', path: '../onFirstUse', file: './onFirstUse.js' },
];

const apart = {
  name: 'apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/[A-Za-z]+$/ }, (args) => {
      const entry = APART.find((a) => args.importer.endsWith(a.importer) && args.path === a.path);
      return entry ? { path: entry.file, external: true } : undefined;
    });
  },
};

const EXTENSION = {
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
};

const FIRST_USE = {
  ...common,
  entryPoints: ['src/onFirstUse.ts'],
  outfile: 'dist/onFirstUse.js',
  external: ['vscode', './extension.js'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
};

/**
 * The modules of src/ that both dist/extension.js and dist/onFirstUse.js use.
 * The second takes them from the running extension instead of holding a copy:
 * one Instances class, one command table, one log, whatever loads when.
 */
async function sharedModules() {
  const extension = await esbuild.build({
    ...EXTENSION,
    plugins: [...common.plugins, apart],
    write: false,
    metafile: true,
  });
  const held = Object.keys(extension.metafile.inputs).filter((path) => path.startsWith('src/'));
  const used = new Set();
  await esbuild.build({
    ...FIRST_USE,
    plugins: [...common.plugins, apart, modulesFromExtension(held, used)],
    write: false,
  });
  return [...used].sort();
}

/** dist/extension.js exports the shared modules as `__modules[path]`. */
function exportModules(known) {
  let modules = known;
  return {
    name: 'export-modules',
    setup(build) {
      // A watch rebuild may follow an import that moved a module in or out.
      if (watch) build.onStart(async () => void (modules = await sharedModules()));
      build.onLoad({ filter: /src[\\/]extension\.ts$/ }, async (args) => {
        const own = await readFile(args.path, 'utf8');
        const imports = modules.map((path, i) => `import * as m${i} from './${path.slice(4, -3)}';`);
        const table = modules.map((path, i) => `${JSON.stringify(path)}: m${i}`);
        return {
          contents: `${own}\n${imports.join('\n')}\nexport const __modules = { ${table.join(', ')} };\n`,
          loader: 'ts',
        };
      });
    },
  };
}

/** In dist/onFirstUse.js: a module dist/extension.js holds comes from it (and is noted in `used`). */
function modulesFromExtension(known, used) {
  let held = new Set(known);
  return {
    name: 'modules-from-extension',
    setup(build) {
      // A watch rebuild may follow an import that moved a module in or out (not while finding them: `used`).
      if (watch && !used) build.onStart(async () => void (held = new Set(await sharedModules())));
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (!args.importer || args.namespace !== 'file') return undefined;
        const path = relative(process.cwd(), resolve(dirname(args.importer), `${args.path}.ts`)).replaceAll('\\', '/');
        if (!held.has(path)) return undefined;
        used?.add(path);
        return { path, namespace: 'extension-module' };
      });
      build.onLoad({ filter: /.*/, namespace: 'extension-module' }, (args) => ({
        contents: `module.exports = require('./extension.js').__modules[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

const shared = await sharedModules();

const builds = [
  { ...EXTENSION, plugins: [...common.plugins, apart, exportModules(shared)] },
  { ...FIRST_USE, plugins: [...common.plugins, apart, modulesFromExtension(shared)] },
  {
    ...common,
    entryPoints: ['src/snippets/engine.ts'],
    outfile: 'dist/snippets.js',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
  },
  {
    ...common,
    entryPoints: ['src/api/fetchEngine.ts'],
    outfile: 'dist/fetch.js',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
  },
];

// The MCP server and the SDK it runs on: a bundle of its own, which the extension
// requires only when the server starts, so activation never loads it. The SDK's
// JSON Schema validator (ajv, ~100 KB) serves elicitation and output schemas,
// which this server does not use; src/mcp/mcpServer.ts passes its own.
builds.push({
  ...common,
  entryPoints: ['src/mcp/mcpServer.ts'],
  outfile: 'dist/mcp.js',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  plugins: [dropAjv],
});

// The QR panel's script and stylesheet go inside its page (src/qr/assets.ts):
// minified, so the workbench and the webview have less to parse while the panel opens.
builds.push({
  entryPoints: ['media/qr.js', 'media/qr.css'],
  outdir: 'dist/webview',
  minify: true,
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [],
});

if (withTests) {
  // Test code keeps its npm packages external (they are in node_modules when
  // tests run), but bundles node-fetch because it is ESM-only.
  builds.push({
    ...common,
    entryPoints: filesUnder('test', '.ts'),
    outdir: 'out/test',
    outbase: 'test',
    external: [
      'vscode',
      'mocha',
      'playwright-core',
      'jsqr',
      'pngjs',
      'qrcode',
      'fast-check',
      '@vscode/test-electron',
      'typescript',
    ],
    sourcemap: true,
  });
}

/**
 * One plugin instance shared by every watched build, so that the task sees one
 * "started … finished" cycle even when the extension and the tests rebuild
 * together. At the end of a cycle it reprints what every build still reports:
 * VS Code clears a background matcher's problems at each cycle, and a test-only
 * rebuild must not hide an error that remains in the extension.
 */
function problemMatcherReporter() {
  const messagesByBuild = new Map();
  let running = 0;
  return (index) => ({
    name: 'problem-matcher-reporter',
    setup(build) {
      build.onStart(() => {
        if (running++ === 0) console.log('[watch] build started');
      });
      build.onEnd((result) => {
        messagesByBuild.set(index, [
          ...result.errors.map((message) => format('✘ [ERROR]', message)),
          ...result.warnings.map((message) => format('▲ [WARNING]', message)),
        ]);
        if (--running > 0) return;
        for (const line of new Set([...messagesByBuild.values()].flat())) console.error(line);
        console.log('[watch] build finished');
      });
    },
  });
}

// esbuild columns are 0-based; VS Code problem matchers count from 1.
function format(label, { text, location }) {
  if (!location) return `${label} ${text}`;
  return `${label} ${text}\n    ${location.file}:${location.line}:${location.column + 1}:`;
}

if (watch) {
  const reporter = problemMatcherReporter();
  const contexts = await Promise.all(
    builds.map((options, index) =>
      // Silent: the reporter prints each message once, in the matcher's form.
      esbuild.context({ ...options, logLevel: 'silent', plugins: [...options.plugins, reporter(index)] }),
    ),
  );
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  for (const options of builds) {
    const result = await esbuild.build({ ...options, metafile: analyze || metafileOut !== undefined });
    if (analyze && options.outfile) console.log(await esbuild.analyzeMetafile(result.metafile));
    if (metafileOut && options.outfile === 'dist/extension.js') {
      writeFileSync(metafileOut, JSON.stringify(result.metafile.outputs['dist/extension.js'].inputs));
    }
  }
}
