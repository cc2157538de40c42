import { commentText } from '../fill';
import { pythonLiteral } from '../literals';
import { SnippetTemplate } from './template';

export const PYTHON: SnippetTemplate = {
  id: 'python',
  label: 'Python (requests)',
  languageId: 'python',
  text: `# @@title@@
# @@tokenHelp@@
# Needs the requests package: pip install requests
import os

import requests

token = os.environ.get("MEGAAPI_TOKEN")
if not token:
    raise SystemExit("Set the MEGAAPI_TOKEN environment variable first.")

response = requests.request(
    @@method@@,
    @@url@@,
    headers={
        "Authorization": f"Bearer {token}",@@headers@@
    },@@#body@@
    json=@@body@@,@@/body@@
    timeout=30,
)
print(response.status_code, response.text)
`,
  slots: (request, words) => ({
    title: commentText(words.title),
    tokenHelp: commentText(words.tokenHelp),
    method: JSON.stringify(request.method),
    url: JSON.stringify(request.url),
    headers: Object.entries(request.headers)
      .map(([name, value]) => `\n        ${JSON.stringify(name)}: ${JSON.stringify(value)},`)
      .join(''),
    body: request.body === undefined ? '' : pythonLiteral(request.body, 1),
  }),
};
