import { commentText, indented } from '../fill';
import { SnippetTemplate } from './template';

export const TYPESCRIPT: SnippetTemplate = {
  id: 'typescript',
  label: 'TypeScript (fetch)',
  languageId: 'typescript',
  text: `// @@title@@
// @@tokenHelp@@
// Node.js 18 or later (with @types/node), or any runtime with fetch.

@@replyTypes@@

async function main(): Promise<void> {
  const token = process.env.MEGAAPI_TOKEN;
  if (!token) throw new Error('Set the MEGAAPI_TOKEN environment variable first.');
  const response = await fetch(@@url@@, {
    method: @@method@@,
    headers: {
      Authorization: \`Bearer \${token}\`,@@headers@@
    },@@#body@@
    body: JSON.stringify(@@body@@),@@/body@@
  });
  const reply = (await response.json()) as @@replyName@@;
  console.log(response.status, reply);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`,
  slots: (request, words) => ({
    title: commentText(words.title),
    tokenHelp: commentText(words.tokenHelp),
    replyTypes: request.reply.declarations,
    replyName: request.reply.name,
    method: JSON.stringify(request.method),
    url: JSON.stringify(request.url),
    headers: Object.entries(request.headers)
      .map(([name, value]) => `\n      ${JSON.stringify(name)}: ${JSON.stringify(value)},`)
      .join(''),
    body: request.body === undefined ? '' : indented(JSON.stringify(request.body, null, 2), 4),
  }),
};
