import type * as Engine from './engine';

export type SnippetEngine = typeof Engine;

/**
 * The templates, loaded on first use: a separate file in the packaged
 * extension (scripts/build.mjs), required only when a snippet command runs.
 * `require` rather than `import()`: the extension is CommonJS, and Node
 * caches a required module like any other.
 */
export function loadSnippets(): Promise<SnippetEngine> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Promise.resolve().then(() => require('./engine') as SnippetEngine);
}
