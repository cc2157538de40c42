import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { AgentTool } from '../../../src/core/agentTool';
import { RunningMcpServer, startMcpServer } from '../../../src/mcp/mcpServer';

const BEARER = 'unit-test-bearer-0123456789abcdef';

/** What the server handed the tool: the client's words and the input. */
const calls: Array<{ client: string; input: unknown }> = [];
const tools: AgentTool[] = [
  {
    name: 'megaapi_echo',
    description: 'Echoes.',
    inputSchema: { type: 'object', properties: { say: { type: 'string' } }, additionalProperties: false },
    invoke: (input, caller) => {
      calls.push({ client: caller.client, input });
      return Promise.resolve(`echo ${JSON.stringify(input)}`);
    },
  },
  {
    name: 'megaapi_broken',
    description: 'Throws.',
    inputSchema: { type: 'object' },
    invoke: () => Promise.reject(new Error('private-detail')),
  },
];

describe('MCP server: over HTTP, with the SDK’s own client', function () {
  this.timeout(10_000);
  let server: RunningMcpServer;
  const logged: string[] = [];

  before(async () => {
    server = await startMcpServer({
      tools,
      bearer: BEARER,
      version: '9.9.9',
      clientLabel: (name) => `client "${name ?? '?'}"`,
      log: (line) => logged.push(line),
    });
  });
  after(() => server.close());

  async function connect(bearer = BEARER, name = 'unit-probe'): Promise<Client> {
    const client = new Client({ name, version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(server.url), {
      requestInit: { headers: { Authorization: `Bearer ${bearer}` } },
    });
    await client.connect(transport);
    return client;
  }

  it('listens on 127.0.0.1 on a port the system picked', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    assert.ok(server.port > 0);
  });

  it('lists the tools and calls one, naming the client from its initialize request', async () => {
    const client = await connect();
    const { tools: listed } = await client.listTools();
    assert.deepEqual(
      listed.map((tool) => tool.name),
      ['megaapi_echo', 'megaapi_broken'],
    );
    assert.equal(listed[0].description, 'Echoes.');
    const result = await client.callTool({ name: 'megaapi_echo', arguments: { say: 'hi' } });
    assert.deepEqual(result.content, [{ type: 'text', text: 'echo {"say":"hi"}' }]);
    assert.deepEqual(calls.at(-1), { client: 'client "unit-probe"', input: { say: 'hi' } });
    await client.close();
  });

  it('answers a tool that throws with an error result, not the exception', async () => {
    const client = await connect();
    const result = await client.callTool({ name: 'megaapi_broken', arguments: {} });
    assert.equal(result.isError, true);
    assert.ok(!JSON.stringify(result).includes('private-detail'));
    const unknown = await client.callTool({ name: 'megaapi_nothing', arguments: {} });
    assert.equal(unknown.isError, true);
    await client.close();
  });

  it('refuses a client with a wrong bearer', async () => {
    await assert.rejects(connect('wrong'));
  });

  it('answers 401 without the bearer and 403 with an Origin, before any MCP handling', async () => {
    const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} });
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    const none = await fetch(server.url, { method: 'POST', headers, body: init });
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    const withOrigin = await fetch(server.url, {
      method: 'POST',
      headers: { ...headers, Authorization: `Bearer ${BEARER}`, Origin: 'http://evil.example' },
      body: init,
    });
    assert.equal(withOrigin.status, 403);
    const elsewhere = await fetch(server.url.replace('/mcp', '/other'), {
      headers: { Authorization: `Bearer ${BEARER}` },
    });
    assert.equal(elsewhere.status, 404);
    assert.ok(!logged.join('\n').includes(BEARER), 'the bearer reached the log');
  });

  it('keeps a bounded number of sessions, closing the oldest', async () => {
    const small = await startMcpServer({
      tools,
      bearer: BEARER,
      version: '1',
      clientLabel: () => '',
      log: () => undefined,
      maxSessions: 2,
    });
    const clients: Client[] = [];
    for (const name of ['first', 'second', 'third']) {
      const client = new Client({ name, version: '1' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(small.url), {
          requestInit: { headers: { Authorization: `Bearer ${BEARER}` } },
        }),
      );
      clients.push(client);
    }
    await assert.rejects(clients[0].listTools());
    assert.equal((await clients[2].listTools()).tools.length, 2);
    const noSession = await fetch(small.url, { headers: { Authorization: `Bearer ${BEARER}` } });
    assert.equal(noSession.status, 400);
    const huge = await fetch(small.url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${BEARER}`, 'Content-Type': 'application/json' },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    assert.equal(huge.status, 413);
    await small.close();
  });

  it('answers 413 to a body over 1 MB sent in chunks, with no length to check first', async () => {
    const url = new URL(server.url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.setHeader('Authorization', `Bearer ${BEARER}`);
      req.setHeader('Content-Type', 'application/json');
      // The server may answer and close before the whole body is written.
      req.on('error', (error) =>
        error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error),
      );
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 24; i++) req.write(chunk);
      req.end();
    });
    assert.equal(status, 413);
  });

  it('stops listening when closed', async () => {
    const other = await startMcpServer({
      tools,
      bearer: BEARER,
      version: '1',
      clientLabel: () => '',
      log: () => undefined,
    });
    const client = await new Client({ name: 'x', version: '1' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(other.url), {
        requestInit: { headers: { Authorization: `Bearer ${BEARER}` } },
      }),
    );
    await client.listTools();
    // The client's standing GET stream (server-sent events) is open by now; closing must not wait on it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await other.close();
    assert.ok(Date.now() - started < 1_000, `close took ${Date.now() - started} ms`);
    await assert.rejects(fetch(other.url, { headers: { Authorization: `Bearer ${BEARER}` } }));
  });
});
