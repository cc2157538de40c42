import * as assert from 'node:assert/strict';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { forwardBody } from '../../../src/events/forward';

describe('forwarding an event to the developer handler', () => {
  let server: Server;
  let url: string;
  const seen: Array<{ body: Buffer; type: string | undefined }> = [];
  let answer: (res: import('node:http').ServerResponse) => void;

  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ body: Buffer.concat(chunks), type: req.headers['content-type'] });
        answer(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => (seen.length = 0));

  it('POSTs the body byte for byte with its content type, and keeps the status and the first 2 KB of the reply', async () => {
    answer = (res) => res.writeHead(201).end('x'.repeat(5000));
    const body = Buffer.from('{"a":  "é"}\n');
    const outcome = await forwardBody(url, body, 'application/json; charset=utf-8');
    assert.equal(outcome.status, 201);
    assert.equal(outcome.replyText?.length, 2048);
    assert.deepEqual(seen[0].body, body);
    assert.equal(seen[0].type, 'application/json; charset=utf-8');
  });

  it('gives up after the timeout, once', async () => {
    answer = () => undefined;
    const outcome = await forwardBody(url, Buffer.from('{}'), 'application/json', { timeoutMs: 200 });
    assert.equal(outcome.failure, 'timeout');
    assert.equal(outcome.status, undefined);
    assert.equal(seen.length, 1, 'never retried');
  });

  it('names a refused connection and a URL that is not http(s)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    assert.equal(
      (await forwardBody(`http://127.0.0.1:${port}/`, Buffer.from('{}'), 'application/json')).failure,
      'ECONNREFUSED',
    );
    assert.equal((await forwardBody('ftp://x/', Buffer.from('{}'), 'application/json')).failure, 'not http(s)');
  });
});
