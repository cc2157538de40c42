import { commentText, indented } from '../fill';
import { SnippetTemplate } from './template';

export const JAVASCRIPT: SnippetTemplate = {
  id: 'javascript',
  label: 'JavaScript (fetch)',
  languageId: 'javascript',
  text: `// @@title@@
// @@tokenHelp@@
// Node.js 18 or later, or any runtime with fetch.
async function main() {
  const token = process.env.MEGAAPI_TOKEN;
  if (!token) throw new Error('Set the MEGAAPI_TOKEN environment variable first.');
  const response = await fetch(@@url@@, {
    method: @@method@@,
    headers: {
      Authorization: \`Bearer \${token}\`,@@headers@@
    },@@#body@@
    body: JSON.stringify(@@body@@),@@/body@@
  });
  const reply = await response.json();
  console.log(response.status, reply);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
  slots: (request, words) => ({
    title: commentText(words.title),
    tokenHelp: commentText(words.tokenHelp),
    method: JSON.stringify(request.method),
    url: JSON.stringify(request.url),
    headers: Object.entries(request.headers)
      .map(([name, value]) => `\n      ${JSON.stringify(name)}: ${JSON.stringify(value)},`)
      .join(''),
    body: request.body === undefined ? '' : indented(JSON.stringify(request.body, null, 2), 4),
  }),
};
