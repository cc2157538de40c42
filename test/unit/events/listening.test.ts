import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { Listening } from '../../../src/events/listening';
import { EventReceiver } from '../../../src/events/receiver';
import { TapMemory } from '../../../src/events/tapMemory';
import { proveTunnel, newNonce } from '../../../src/events/tunnel';
import { EventFeed, PushedConnection } from '../../../src/instances/eventFeed';
import { MapSecrets, flush } from '../support';
import { ApiResult, success } from '../../../src/api/errors';
import { Webhook } from '../../../src/api/webhook';
import { TapCalls } from '../../../src/events/tap';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };

function post(port: number, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('listening: from the receiver to the feed', () => {
  let receiver: EventReceiver;
  let listening: Listening;
  let feed: EventFeed;
  let logged: string[];
  let port: number;

  beforeEach(async () => {
    receiver = new EventReceiver();
    feed = new EventFeed();
    logged = [];
    listening = new Listening({
      receiver,
      feed,
      memory: new TapMemory(new MapSecrets()),
      calls: () => assert.fail('no MegaAPI call expected'),
      forwardTo: () => '',
      log: { info: (line) => logged.push(line) },
      onTapGone: () => undefined,
      onDidChange: () => undefined,
    });
    port = await listening.receiverStart(0);
  });
  afterEach(async () => {
    listening.dispose();
    await receiver.stop();
  });

  it('puts each event in the feed and logs only its kind, instance and message id', async () => {
    const session = listening.open(A);
    const event = {
      messageType: 'conversation',
      key: { id: 'ID1', fromMe: false },
      message: { conversation: 'secret text' },
    };
    assert.equal(await post(port, session.open.path, JSON.stringify(event)), 200);
    assert.equal(feed.recent(A).length, 1);
    assert.deepEqual(logged, ['Event conversation megastart-a id=ID1']);
  });

  it('tells the watch and Deep Check that the instance is listened to, until it stops', () => {
    assert.equal(feed.isListening(A), false);
    const session = listening.open(A);
    assert.equal(feed.isListening(A), true);
    listening.close(session);
    assert.equal(feed.isListening(A), false);
  });

  it('pushes a connection update to the health watch at once, in both shapes', async () => {
    const session = listening.open(A);
    const pushed: PushedConnection[] = [];
    feed.onDidPushConnection((update) => pushed.push(update));
    await post(
      port,
      session.open.path,
      JSON.stringify({ messageType: 'connection_update', connection_state: 'close', closeReason: 'x' }),
    );
    await post(port, session.open.path, JSON.stringify({ message: 'phone_connected', jid: 'j' }));
    assert.deepEqual(
      pushed.map((p) => [p.connected, p.state, p.reason]),
      [
        [false, 'close', 'x'],
        [true, 'phone_connected', undefined],
      ],
    );
  });

  it('proves the tunnel with a nonce that never becomes an event', async () => {
    const session = listening.open(A);
    const nonce = newNonce();
    const proof = await proveTunnel(
      `http://127.0.0.1:${port}${session.open.path}`,
      nonce,
      listening.expectNonce(nonce),
    );
    assert.equal(proof.ok, true);
    assert.equal(feed.recent().length, 0);
  });

  it('names the hop when the public URL reaches something else, or nothing', async () => {
    listening.open(A);
    const other = `http://127.0.0.1:${port}/megaapi/00000000000000000000000000000000`;
    const nonce = newNonce();
    const wrong = await proveTunnel(other, nonce, listening.expectNonce(nonce), { timeoutMs: 500 });
    assert.deepEqual(wrong, { ok: false, hop: 'notThisReceiver', status: 404 });
    const nothing = await proveTunnel('http://127.0.0.1:1/megaapi/x', nonce, new Promise(() => undefined), {
      timeoutMs: 500,
    });
    assert.equal(nothing.ok === false && nothing.hop, 'nothingAnswers');
  });

  it('a re-read that no longer finds the tap says so once; deactivation puts the webhook back', async () => {
    let fields: Record<string, unknown> = { webhookUrl: 'https://prod.example/h', webhookEnabled: true };
    const original = { ...fields };
    const calls: TapCalls = {
      read: () => Promise.resolve({ result: success({ url: '', fields: { ...fields } }) as ApiResult<Webhook> }),
      write: (data) => {
        // This double deletes a field written as null.
        fields = Object.fromEntries(Object.entries({ ...fields, ...data }).filter(([, v]) => v !== null));
        return Promise.resolve({ result: success('ok') });
      },
    };
    const gone: string[] = [];
    const memory = new TapMemory(new MapSecrets());
    const own = new Listening({
      receiver,
      feed,
      memory,
      calls: () => calls,
      forwardTo: () => '',
      log: { info: () => undefined },
      onTapGone: (instance) => gone.push(instance.key),
      onDidChange: () => undefined,
    });
    const session = own.open(A);
    assert.equal((await own.tap(session, 'secondary', 'https://t.example/megaapi/x')).kind, 'tapped');
    assert.equal(await own.recheck(session), true);
    fields = { ...fields, webhookSecondaryUrl: '' };
    assert.equal(await own.recheck(session), false);
    assert.equal(await own.recheck(session), false);
    assert.deepEqual(gone, ['megastart-a'], 'told once');
    fields = { ...fields, webhookSecondaryUrl: 'https://t.example/megaapi/x' };
    own.dispose();
    for (let i = 0; i < 5; i += 1) await flush();
    assert.deepEqual(fields, original, 'exactly: the fields that were absent are absent again');
    assert.deepEqual(await memory.all(), []);
  });
});
