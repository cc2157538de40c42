// What the snippet commands need once they run: the calls, the templates and
// shell-quote. The extension bundle leaves this module out (scripts/build.mjs
// builds it as dist/snippets.js), so activation never loads it.
export { LANGUAGES, renderSnippet } from './languages';
export { requestFile } from './requestFile';
export { SNIPPET_CALLS, snippetRequest } from './snippetCalls';
export { callLabel, snippetValues, snippetWords } from './snippetText';
