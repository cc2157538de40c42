import { SnippetTemplate } from './template';

/**
 * A workflow fragment holding one HTTP Request node (typeVersion 4.2), the
 * JSON n8n puts on the clipboard when a node is copied, so pasting it onto
 * the canvas adds the node. The token comes from an expression over n8n's
 * environment; the node's note says so, as JSON has no comments.
 */
export const N8N: SnippetTemplate = {
  id: 'n8n',
  label: 'n8n (HTTP Request node)',
  languageId: 'json',
  text: `@@workflow@@
`,
  slots: (request, words) => {
    const url = new URL(request.url);
    const query = [...url.searchParams].map(([name, value]) => ({ name, value }));
    url.search = '';
    const headers = [
      { name: 'Authorization', value: '=Bearer {{ $env.MEGAAPI_TOKEN }}' },
      ...Object.entries(request.headers).map(([name, value]) => ({ name, value })),
    ];
    const parameters = {
      method: request.method,
      url: url.toString(),
      ...(query.length > 0 && { sendQuery: true, queryParameters: { parameters: query } }),
      sendHeaders: true,
      headerParameters: { parameters: headers },
      ...(request.body !== undefined && {
        sendBody: true,
        specifyBody: 'json',
        jsonBody: JSON.stringify(request.body, null, 2),
      }),
      options: {},
    };
    const node = {
      parameters,
      name: `MegaAPI: ${request.what}`,
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: 4.2,
      position: [0, 0],
      notes: `${words.title}\n${words.n8nTokenHelp}`,
    };
    return { workflow: JSON.stringify({ nodes: [node], connections: {} }, null, 2) };
  },
};
