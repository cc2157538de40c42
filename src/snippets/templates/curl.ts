import { quote } from 'shell-quote';
import { commentText } from '../fill';
import { SnippetTemplate } from './template';

/**
 * Single quotes keep every character but `'` literal in POSIX shells; a word
 * holding one is left to shell-quote. (shell-quote alone would write
 * `https\://…\?jid\=…`: correct, but not what a person wants to read.)
 */
function shellWord(text: string): string {
  return text.includes("'") ? quote([text]) : `'${text}'`;
}

export const CURL: SnippetTemplate = {
  id: 'curl',
  label: 'cURL',
  languageId: 'shellscript',
  text: `# @@title@@
# @@tokenHelp@@
curl --request @@method@@ @@url@@ \\
  --header "Authorization: Bearer $MEGAAPI_TOKEN"@@headers@@@@#body@@ \\
  --data @@body@@@@/body@@
`,
  slots: (request, words) => ({
    title: commentText(words.title),
    tokenHelp: commentText(words.tokenHelp),
    method: request.method,
    url: shellWord(request.url),
    headers: Object.entries(request.headers)
      .map(([name, value]) => ` \\\n  --header ${shellWord(`${name}: ${value}`)}`)
      .join(''),
    body: request.body === undefined ? '' : shellWord(JSON.stringify(request.body, null, 2)),
  }),
};
