// node-fetch on its own: dist/fetch.js in the packaged extension (scripts/build.mjs),
// loaded by the first request rather than at activation.
export { default as fetch } from 'node-fetch';
