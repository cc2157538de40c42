import * as assert from 'node:assert/strict';
import { LANGUAGES, renderSnippet } from '../../../src/snippets/languages';
import { requestFile } from '../../../src/snippets/requestFile';
import { PLACEHOLDERS, SNIPPET_CALLS, snippetRequest } from '../../../src/snippets/snippetCalls';
import { snippetValues, snippetWords } from '../../../src/snippets/snippetText';
import { N8nParameters } from '../../snippets/runners';
import { english } from '../support';

describe('snippets and the token', () => {
  const instance = { baseUrl: 'https://apistart01.megaapi.com.br', key: 'megastart-token1' };

  it('never hold the token, and every one says how to set MEGAAPI_TOKEN', () => {
    // Whatever the stored token is, nothing that builds a snippet is handed it: the proof is that
    // no snippet holds a token-like value and each reads the variable instead.
    const stored = 'stored-token-never-in-a-snippet';
    for (const call of SNIPPET_CALLS) {
      for (const values of [PLACEHOLDERS, snippetValues('5511912345678'), snippetValues('120363000000000009@g.us')]) {
        const request = snippetRequest(instance, call.id, values)!;
        assert.ok(!JSON.stringify(request).includes(stored));
        for (const language of LANGUAGES) {
          const snippet = renderSnippet(language, request, snippetWords(instance, call.id, english));
          assert.ok(!snippet.includes(stored), `${call.id} ${language.id}`);
          assert.ok(snippet.includes('MEGAAPI_TOKEN'), `${call.id} ${language.id} reads MEGAAPI_TOKEN`);
          assert.match(snippet, /environment variable MEGAAPI_TOKEN/, `${call.id} ${language.id} says how`);
          assert.doesNotMatch(snippet, /Bearer [A-Za-z0-9._-]{8,}/, `${call.id} ${language.id}: a literal bearer`);
        }
      }
    }
    assert.doesNotMatch(requestFile(instance, PLACEHOLDERS, english), /Bearer [A-Za-z0-9._-]{8,}/);
  });

  it('fill in the host, the key and the last destination', () => {
    const request = snippetRequest(instance, 'sendText', snippetValues('5511912345678'))!;
    assert.equal(request.url, 'https://apistart01.megaapi.com.br/rest/sendMessage/megastart-token1/text');
    assert.deepEqual(request.body, { messageData: { to: '5511912345678', text: PLACEHOLDERS.text } });
    const group = snippetRequest(instance, 'groupDetails', snippetValues('120363000000000009@g.us'))!;
    assert.equal(new URL(group.url).searchParams.get('jid'), '120363000000000009@g.us');
    const check = snippetRequest(instance, 'isOnWhatsApp', snippetValues('120363000000000009@g.us'))!;
    assert.equal(new URL(check.url).searchParams.get('jid'), `${PLACEHOLDERS.phone}@s.whatsapp.net`);
  });

  it('give n8n an HTTP Request node in the shape n8n pastes', () => {
    const n8n = LANGUAGES.find((l) => l.id === 'n8n')!;
    for (const call of SNIPPET_CALLS) {
      const request = snippetRequest(instance, call.id, PLACEHOLDERS)!;
      const workflow = JSON.parse(renderSnippet(n8n, request, snippetWords(instance, call.id, english))) as {
        nodes: Array<Record<string, unknown> & { parameters: N8nParameters }>;
        connections: unknown;
      };
      assert.deepEqual(workflow.connections, {});
      assert.equal(workflow.nodes.length, 1);
      const [node] = workflow.nodes;
      assert.equal(node.type, 'n8n-nodes-base.httpRequest');
      assert.equal(node.typeVersion, 4.2);
      assert.ok(Array.isArray(node.position) && node.position.length === 2);
      assert.equal(typeof node.name, 'string');
      const p = node.parameters;
      const allowed = [
        'method',
        'url',
        'sendQuery',
        'queryParameters',
        'sendHeaders',
        'headerParameters',
        'sendBody',
        'specifyBody',
        'jsonBody',
        'options',
      ];
      assert.deepEqual(
        Object.keys(p).filter((name) => !allowed.includes(name)),
        [],
      );
      assert.ok(['GET', 'POST', 'DELETE'].includes(p.method ?? ''));
      assert.equal(new URL(p.url).search, '', 'the query goes in queryParameters');
      assert.equal(p.sendHeaders, true);
      assert.deepEqual(p.headerParameters.parameters[0], {
        name: 'Authorization',
        value: '=Bearer {{ $env.MEGAAPI_TOKEN }}',
      });
      if (request.body !== undefined) {
        assert.deepEqual([p.sendBody, p.specifyBody], [true, 'json']);
        assert.deepEqual(JSON.parse(p.jsonBody), request.body);
      } else assert.equal(p.sendBody, undefined);
      assert.deepEqual(p.options, {});
    }
  });
});
