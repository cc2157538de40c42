import { commentText } from '../fill';
import { SnippetTemplate } from './template';

/**
 * The request format REST Client (humao.rest-client) and JetBrains' HTTP
 * Client read. `{{$processEnv …}}` is REST Client's way to read an
 * environment variable, so the token never sits in the file.
 */
export const HTTP_FILE: SnippetTemplate = {
  id: 'http',
  label: 'HTTP request file (.http)',
  languageId: 'http',
  text: `# @@title@@
@@#tokenHelp@@# @@tokenHelp@@
@@/tokenHelp@@@@method@@ @@url@@
Authorization: Bearer {{$processEnv MEGAAPI_TOKEN}}@@headers@@
@@#body@@
@@body@@
@@/body@@`,
  slots: (request, words) => ({
    title: commentText(words.title),
    tokenHelp: commentText(words.httpTokenHelp),
    method: request.method,
    url: request.url,
    headers: Object.entries(request.headers)
      .map(([name, value]) => `\n${name}: ${value}`)
      .join(''),
    body: request.body === undefined ? '' : JSON.stringify(request.body, null, 2),
  }),
};
