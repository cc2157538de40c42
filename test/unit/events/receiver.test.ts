import * as assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request } from 'node:http';
import { EventReceiver, Received } from '../../../src/events/receiver';

interface Answer {
  status: number;
  headers: Record<string, unknown>;
}

function post(
  port: number,
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent: false,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the events receiver', () => {
  let receiver: EventReceiver;
  let port: number;
  let got: Received[];
  let path: string;

  beforeEach(async () => {
    receiver = new EventReceiver({ maxBytes: 1024, bodyTimeoutMs: 300 });
    port = await receiver.start(0);
    got = [];
    path = receiver.open((received) => got.push(received)).path;
  });
  afterEach(() => receiver.stop());

  it('takes a JSON POST on the secret path, byte for byte, with its content type', async () => {
    const body = '{"messageType":"conversation",  "x":"é"}';
    const answer = await post(port, path, body, { 'content-type': 'application/json; charset=utf-8' });
    assert.equal(answer.status, 200);
    assert.equal(got.length, 1);
    assert.equal(Buffer.from(got[0].body).toString('utf8'), body);
    assert.equal(got[0].contentType, 'application/json; charset=utf-8');
    assert.deepEqual(got[0].json, { messageType: 'conversation', x: 'é' });
    assert.equal(answer.headers['access-control-allow-origin'], undefined, 'no CORS headers');
  });

  it('makes the path 128 random bits, different for each instance', () => {
    const other = receiver.open(() => undefined).path;
    assert.match(path, /^\/megaapi\/[0-9a-f]{32}$/);
    assert.notEqual(other, path);
  });

  it('answers 404 to a wrong path (one character off, shorter, longer) and never makes it an event', async () => {
    const last = path.at(-1) === '0' ? '1' : '0';
    for (const wrong of [path.slice(0, -1) + last, path.slice(0, -1), `${path}0`, '/', '/megaapi/']) {
      assert.equal((await post(port, wrong, '{}')).status, 404, wrong);
    }
    assert.equal(got.length, 0);
  });

  it('answers 404 to another method on the right path', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      assert.equal((await post(port, path, '', {}, method)).status, 404, method);
    }
    assert.equal(got.length, 0);
  });

  it('refuses any request with a browser Origin, even on the right path', async () => {
    assert.equal((await post(port, path, '{}', { origin: 'https://evil.example' })).status, 403);
    assert.equal((await post(port, path, '{}', { origin: 'null' })).status, 403);
    assert.equal(got.length, 0);
  });

  it('answers 413 to a body over the cap and keeps a "too large" row without the body', async () => {
    const answer = await post(port, path, Buffer.alloc(5000, 'a'));
    assert.equal(answer.status, 413);
    assert.equal(got.length, 1);
    assert.equal(got[0].tooLargeBytes, 5000);
    assert.equal(got[0].body.byteLength, 0);
  });

  it('cuts off a sender that trickles its body, and keeps serving others meanwhile', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`,
    );
    const closed = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    assert.equal((await post(port, path, '{"other":1}')).status, 200);
    const text = await closed;
    assert.match(text, /^HTTP\/1\.1 408/);
    assert.equal(got.length, 1, 'only the other sender made an event');
  });

  it('answers 400 to a body that is not JSON, and shows it as a row', async () => {
    assert.equal((await post(port, path, 'not json', { 'content-type': 'text/plain' })).status, 400);
    assert.equal(got.length, 1);
    assert.equal(got[0].json, undefined);
    assert.equal(Buffer.from(got[0].body).toString(), 'not json');
  });

  it('takes concurrent posts, each once', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => post(port, path, JSON.stringify({ i }))));
    assert.ok(answers.every((a) => a.status === 200));
    assert.deepEqual(
      got.map((r) => (r.json as { i: number }).i).sort((a, b) => a - b),
      [...Array(25).keys()],
    );
  });

  it('stops taking events on a closed path', async () => {
    const open = receiver.open(() => assert.fail('closed path delivered'));
    open.close();
    assert.equal((await post(port, open.path, '{}')).status, 404);
  });

  it('listens on 127.0.0.1 only', () => {
    // The server's own address: a bind to 0.0.0.0 or :: would be reachable from the network.
    assert.equal(
      (receiver as unknown as { server: { address(): { address: string } } }).server.address().address,
      '127.0.0.1',
    );
  });
});
