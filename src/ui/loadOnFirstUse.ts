import type * as OnFirstUse from '../onFirstUse';

export type FirstUseCode = typeof OnFirstUse;

/**
 * The code activation does not need: dist/onFirstUse.js in the packaged
 * extension (scripts/build.mjs), required by the first command or tool that
 * needs it. `require` rather than `import()`: the extension is CommonJS, and
 * Node caches it like any other module.
 */
export function onFirstUse(): FirstUseCode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../onFirstUse') as FirstUseCode;
}
