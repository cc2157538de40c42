import * as assert from 'node:assert/strict';
import { admit, newBearer, sameSecret } from '../../../src/mcp/mcpAuth';
import { MCP_SERVER_NAME, configSnippet } from '../../../src/mcp/mcpConfig';

const PORT = 43210;
const BEARER = 'b'.repeat(43);
const good = { host: `127.0.0.1:${PORT}`, authorization: `Bearer ${BEARER}` };

describe('MCP server: who may call it', () => {
  it('lets in a local client with this start’s bearer', () => {
    assert.deepEqual(admit(good, BEARER, PORT), { ok: true });
    assert.deepEqual(admit({ ...good, host: `localhost:${PORT}` }, BEARER, PORT), { ok: true });
    assert.deepEqual(admit({ ...good, authorization: `bearer ${BEARER}` }, BEARER, PORT), { ok: true });
  });

  it('answers 401 without the bearer, or with another', () => {
    for (const authorization of [undefined, '', 'Bearer', `Bearer ${BEARER}x`, `Basic ${BEARER}`, BEARER, 'Bearer  ']) {
      const verdict = admit({ ...good, authorization }, BEARER, PORT);
      assert.deepEqual(verdict, { ok: false, status: 401, reason: 'bearer' }, String(authorization));
    }
  });

  it('answers 403 to any browser Origin, even with the bearer, and to a foreign Host', () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${PORT}`, 'vscode-webview://x']) {
      assert.deepEqual(admit({ ...good, origin }, BEARER, PORT), { ok: false, status: 403, reason: 'origin' });
    }
    for (const host of [`evil.example:${PORT}`, '127.0.0.1:1', undefined]) {
      assert.deepEqual(admit({ ...good, host }, BEARER, PORT), { ok: false, status: 403, reason: 'host' });
    }
  });

  it('compares in constant time whatever the lengths, and never accepts an empty secret', () => {
    assert.equal(sameSecret('abc', 'abc'), true);
    assert.equal(sameSecret('abc', 'abd'), false);
    assert.equal(sameSecret('a', 'a'.repeat(1000)), false);
    assert.equal(sameSecret('', ''), false);
  });

  it('makes a new 256-bit bearer at each start', () => {
    const a = newBearer();
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(newBearer(), a);
  });
});

describe('MCP server: the config snippet', () => {
  it('holds the URL and the Authorization header under mcpServers, and the note', () => {
    const text = configSnippet('http://127.0.0.1:5/mcp', 'sekret', 'The port and bearer change at each start.');
    const config = JSON.parse(text) as {
      _note: string;
      mcpServers: Record<string, { type: string; url: string; headers: Record<string, string> }>;
    };
    assert.deepEqual(config.mcpServers[MCP_SERVER_NAME], {
      type: 'http',
      url: 'http://127.0.0.1:5/mcp',
      headers: { Authorization: 'Bearer sekret' },
    });
    assert.match(config._note, /change at each start/);
  });
});
