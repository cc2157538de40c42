import * as assert from 'node:assert/strict';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { MockServer, startMockServer } from '../../mock/server';
import { INSTANCES, Json, KEY, mockCalls } from './support';

describe('mock MegaAPI delivering webhook events', () => {
  let mock: MockServer;
  let hook: Server;
  let hookUrl: string;
  const received: Array<{ path: string; body: Json }> = [];
  const { control, send, configWebhook } = mockCalls(() => mock);

  const waitFor = async (count: number) => {
    for (let i = 0; i < 100 && received.length < count; i += 1) await new Promise((r) => setTimeout(r, 20));
  };

  before(async () => {
    mock = await startMockServer({ instances: INSTANCES });
    hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString()) as Json });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
  });
  beforeEach(async () => {
    mock.reset();
    received.length = 0;
    await control('POST', `instances/${KEY}/connect`);
  });
  after(async () => {
    await mock.close();
    hook.closeAllConnections();
    hook.close();
  });

  it('after a send, POSTs the fromMe echo then acks 2, 3, 4 to the primary and the enabled secondary URL', async () => {
    await configWebhook({
      webhookUrl: `${hookUrl}/primary`,
      webhookSecondaryUrl: `${hookUrl}/secondary`,
      webhookSecondaryEnabled: true,
    });
    const sent = await send({ to: '5511988887777', text: 'hi' });
    const id = ((sent.body.key as Json).id as string) ?? '';
    await waitFor(8);
    for (const path of ['/primary', '/secondary']) {
      const mine = received.filter((r) => r.path === path).map((r) => r.body);
      assert.deepEqual(
        mine.map((b) => [b.messageType, (b.update as Json | undefined)?.status]),
        [
          ['conversation', undefined],
          ['message.ack', 2],
          ['message.ack', 3],
          ['message.ack', 4],
        ],
        path,
      );
      assert.ok(mine.every((b) => (b.key as Json).id === id && (b.key as Json).fromMe === true));
    }
    const log = (await control('GET', `instances/${KEY}/deliveries`)).body.deliveries as Array<Json>;
    assert.equal(log.length, 8);
    assert.ok(log.every((d) => d.status === 200 && typeof d.at === 'number'));
  });

  it('skips a disabled secondary URL and never calls a URL off this machine', async () => {
    await configWebhook({
      webhookUrl: 'https://example.com/hook',
      webhookSecondaryUrl: `${hookUrl}/secondary`,
      webhookSecondaryEnabled: false,
    });
    await control('POST', `instances/${KEY}/events`, { kind: 'text' });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(received.length, 0);
    const log = (await control('GET', `instances/${KEY}/deliveries`)).body.deliveries as Array<Json>;
    assert.deepEqual(
      log.map((d) => d.failure),
      ['skipped: not on this machine'],
    );
  });

  it('injects inbound events of each kind, and a disconnect sends a connection update', async () => {
    await configWebhook({ webhookUrl: `${hookUrl}/p` });
    const kinds = ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contact', 'unknown'];
    for (const kind of kinds) assert.equal((await control('POST', `instances/${KEY}/events`, { kind })).status, 200);
    assert.equal((await control('POST', `instances/${KEY}/events`, { kind: 'nope' })).status, 400);
    await control('POST', `instances/${KEY}/disconnect`);
    await waitFor(kinds.length + 1);
    const types = received.map((r) => r.body.messageType);
    assert.deepEqual(
      new Set(types),
      new Set([
        'conversation',
        'imageMessage',
        'videoMessage',
        'audioMessage',
        'documentMessage',
        'stickerMessage',
        'locationMessage',
        'contactMessage',
        'pollUpdateMessage',
        'connection_update',
      ]),
    );
  });
});
