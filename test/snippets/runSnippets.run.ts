// Every snippet Copy Request as Code writes, run by its own runtime against the
// mock. Slow next to the unit suite (a process per snippet), so it is its own
// mocha run (.mocharc.snippets.json), chained after the unit tests.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as ts from 'typescript';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InstanceClient } from '../../src/api/client';
import { nodeFetch } from '../../src/api/nodeFetch';
import { LANGUAGES, renderSnippet } from '../../src/snippets/languages';
import { requestFile } from '../../src/snippets/requestFile';
import { PLACEHOLDERS, SNIPPET_CALLS, snippetRequest } from '../../src/snippets/snippetCalls';
import { snippetValues, snippetWords } from '../../src/snippets/snippetText';
import { MockRequestLog, MockServer, startMockServer } from '../mock/server';
import { english } from '../unit/support';
import { runners } from './runners';

const KEY = 'megastart-snippets1';
const TOKEN = 'tok-snippet-run-7f3c91';
/** Last values with characters that need quoting in every language: quotes, `$`, backslash, newline, non-ASCII. */
const AWKWARD = { ...PLACEHOLDERS, text: 'It\'s "ok" $HOME \\ {{x}} @@text@@\nOlá 👋', to: '5511912345678' };

/** What the mock saw, minus what differs by nature between two clients (time, and only the token's value). */
function seen(entry: MockRequestLog, decodeQuery: boolean) {
  return {
    method: entry.method,
    path: entry.path,
    query: decodeQuery ? [...new URLSearchParams(entry.query)] : entry.query,
    authorized: entry.authorized,
    authorization: entry.authorization?.replace(TOKEN, '«token»'),
    contentType: entry.contentType,
    accept: entry.accept,
    body: entry.body,
  };
}

describe('every snippet, run against the mock as a user would run it', function () {
  this.timeout(30_000);
  let mock: MockServer;
  let dir: string;
  const run = runners();
  const instance = () => ({ baseUrl: mock.url, key: KEY });
  const env = () => ({ ...process.env, MEGAAPI_TOKEN: TOKEN });

  before(async () => {
    mock = await startMockServer({ instances: [{ key: KEY, token: TOKEN }] });
    dir = mkdtempSync(join(tmpdir(), 'megaapi-snippets-'));
  });
  after(async () => {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const call of SNIPPET_CALLS) {
    for (const language of LANGUAGES) {
      it(`${call.id} in ${language.label} sends what the extension sends`, async function () {
        const missing = run[language.id].missing;
        if (missing) {
          // Skipped, never passed: the title says which runtime is missing.
          this.test!.title += ` (SKIPPED: ${missing})`;
          this.skip();
        }
        const values = call.id === 'sendText' ? AWKWARD : PLACEHOLDERS;
        const own = new InstanceClient({
          instance: instance(),
          token: () => TOKEN,
          policy: () => ({ allowInsecureHttp: false, timeoutMs: 5_000 }),
          fetch: nodeFetch,
        });
        mock.reset();
        mock.setConnected(KEY, true);
        await own.call(call.endpoint(KEY, values));
        const [expected] = mock.requests();

        mock.reset();
        mock.setConnected(KEY, true);
        const request = snippetRequest(instance(), call.id, values);
        assert.ok(request);
        const snippet = renderSnippet(language, request, snippetWords(instance(), call.id, english));
        const output = await run[language.id].run(snippet, dir, env());
        const actual = mock.requests();
        assert.equal(actual.length, 1, `one request, got ${actual.length}; the snippet printed: ${output}`);
        // n8n encodes the query itself, so there the decoded pairs are compared.
        const decode = language.id === 'n8n';
        assert.deepEqual(seen(actual[0], decode), seen(expected, decode));
        assert.equal(actual[0].authorized, true);
      });
    }
  }

  it('TypeScript snippets type-check in strict mode against @types/node, reply types included', () => {
    const typescript = LANGUAGES.find((l) => l.id === 'typescript')!;
    const files = SNIPPET_CALLS.map((call) => {
      const request = snippetRequest(instance(), call.id, PLACEHOLDERS)!;
      const path = join(dir, `check-${call.id}.ts`);
      writeFileSync(path, renderSnippet(typescript, request, snippetWords(instance(), call.id, english)));
      return path;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleDetection: ts.ModuleDetectionKind.Force,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      typeRoots: [join(process.cwd(), 'node_modules', '@types')],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    assert.deepEqual(problems, []);
  });

  it('runs the whole New Request File, request by request', async () => {
    const text = requestFile(instance(), snippetValues(undefined), english);
    const blocks = text.split(/\n###\n/);
    assert.equal(blocks.length, SNIPPET_CALLS.length);
    mock.reset();
    mock.setConnected(KEY, true);
    for (const block of blocks) await run.http.run(block, dir, env());
    assert.deepEqual(
      mock.requests().map((r) => [r.method, r.path, r.authorized]),
      SNIPPET_CALLS.map((c) => {
        const r = snippetRequest(instance(), c.id, PLACEHOLDERS)!;
        return [r.method, new URL(r.url).pathname, true];
      }),
    );
  });
});
