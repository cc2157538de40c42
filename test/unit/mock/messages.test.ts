import * as assert from 'node:assert/strict';
import { MockServer, startMockServer } from '../../mock/server';
import { CLOCK, INSTANCES, Json, KEY, mockCalls } from './support';

describe('mock MegaAPI message endpoints', () => {
  const clock = CLOCK;
  let mock: MockServer;
  const { callJson, control, send, onWhatsApp } = mockCalls(() => mock);

  before(async () => {
    mock = await startMockServer({ instances: INSTANCES, now: () => clock });
  });
  beforeEach(() => mock.reset());
  after(() => mock.close());

  it('sends a text to a person or a group once linked, and records it', async () => {
    assert.deepEqual(await send({ to: '5511999999999', text: 'hi' }), {
      status: 200,
      body: { error: true, message: 'Instance not connected' },
    });
    assert.deepEqual(mock.sentMessages(KEY), []);

    mock.setConnected(KEY, true);
    const person = await send({ to: '5511999999999', text: 'Olá 👋' });
    assert.equal(person.status, 200);
    const { key, ...rest } = person.body as { key: { id: string } } & Json;
    assert.deepEqual(rest, { error: false, message: 'Message sent', messageTimestamp: Math.floor(clock / 1000) });
    assert.match(key.id, /^3EB0[0-9A-F]{16}$/);
    assert.deepEqual(key, { remoteJid: '5511999999999@s.whatsapp.net', fromMe: true, id: key.id });

    const group = await send({ to: '120363000000000001@g.us', text: 'to the group' });
    assert.equal((group.body.key as Json).remoteJid, '120363000000000001@g.us');

    const expected = [
      { to: '5511999999999', text: 'Olá 👋', id: key.id, time: clock },
      { to: '120363000000000001@g.us', text: 'to the group', id: (group.body.key as Json).id, time: clock },
    ];
    assert.deepEqual(mock.sentMessages(KEY), expected);
    assert.deepEqual((await control('GET', `instances/${KEY}/messages`)).body, { messages: expected });
    const state = (await control('GET', 'state')).body as { instances: Record<string, Json> };
    assert.deepEqual(state.instances[KEY].sentMessages, expected);
    assert.deepEqual(mock.sentMessages('megacode-other'), [], 'messages are per instance');
  });

  it('refuses a bad send body with 400 whatever the link, and records nothing', async () => {
    const path = `/rest/sendMessage/${KEY}/text`;
    const good = JSON.stringify({ messageData: { to: '5511999999999', text: 'hi' } });
    const refusals: [string, Parameters<typeof callJson>[1]][] = [
      ['fetch default text/plain', { body: good }],
      ['form content type', { body: good, contentType: 'application/x-www-form-urlencoded' }],
      ['not JSON', { body: '{"messageData":', contentType: 'application/json' }],
      ['no body', { method: 'POST', contentType: 'application/json' }],
      ['no messageData', { body: { to: '5511999999999', text: 'hi' } }],
      ['messageData not an object', { body: { messageData: 'hi' } }],
    ];
    for (const to of [
      '+5511999999999',
      '5511999999999@s.whatsapp.net',
      '123',
      '5511999999999123456',
      'abc@g.us',
      55119999999,
    ]) {
      refusals.push([`to ${String(to)}`, { body: { messageData: { to, text: 'hi' } } }]);
    }
    for (const text of ['', '   ', 42, undefined]) {
      refusals.push([`text ${String(text)}`, { body: { messageData: { to: '5511999999999', text } } }]);
    }

    for (const connected of [false, true]) {
      mock.setConnected(KEY, connected);
      for (const [label, init] of refusals) {
        const { status, body } = await callJson(path, init);
        assert.equal(status, 400, label);
        assert.equal(body.error, true, label);
        assert.equal(typeof body.message, 'string', label);
      }
    }
    const huge = await callJson(path, { body: { messageData: { to: '5511999999999', text: 'x'.repeat(1 << 20) } } });
    assert.deepEqual(huge, { status: 413, body: { error: true, message: 'Request body too large' } });
    assert.equal((await callJson(path, { body: good, contentType: 'application/json; charset=utf-8' })).status, 200);
    assert.equal(mock.sentMessages(KEY).length, 1);
  });

  it('knows the default number, the linked user and added numbers on WhatsApp', async () => {
    assert.deepEqual((await onWhatsApp('5511999999999@s.whatsapp.net')).body, {
      error: true,
      message: 'Instance not connected',
    });
    await control('POST', `instances/${KEY}/connect`, { id: '5511987654321@s.whatsapp.net' });

    const answer = (jid: string, exists: boolean) => ({ status: 200, body: { error: false, exists, jid } });
    assert.deepEqual(await onWhatsApp('5511999999999@s.whatsapp.net'), answer('5511999999999@s.whatsapp.net', true));
    assert.deepEqual(await onWhatsApp('5511987654321@s.whatsapp.net'), answer('5511987654321@s.whatsapp.net', true));
    assert.deepEqual(
      await onWhatsApp('5521912345678'),
      answer('5521912345678@s.whatsapp.net', false),
      'bare digits are read too',
    );

    assert.equal((await control('POST', `instances/${KEY}/numbers`, { number: '5521912345678' })).status, 200);
    mock.addKnownNumber(KEY, '5531900000000');
    assert.equal((await onWhatsApp('5521912345678@s.whatsapp.net')).body.exists, true);
    assert.equal((await onWhatsApp('5531900000000@s.whatsapp.net')).body.exists, true);
    const state = (await control('GET', 'state')).body as { instances: Record<string, Json> };
    assert.deepEqual(state.instances[KEY].knownNumbers, [
      '5511999999999',
      '5521912345678',
      '5531900000000',
      '5511987654321',
    ]);

    for (const jid of ['', '+5511999999999', '5511999999999@c.us', '120363000000000001@g.us', 'abc']) {
      const res = await onWhatsApp(jid);
      assert.equal(res.status, 400, jid);
      assert.equal(res.body.error, true);
    }
    assert.equal((await callJson(`/rest/instance/isOnWhatsApp/${KEY}`)).status, 400, 'no jid at all');
    assert.equal((await control('POST', `instances/${KEY}/numbers`, { number: '+55 11 9' })).status, 400);
    assert.throws(() => mock.addKnownNumber(KEY, '5511'), /10-15 digits/);
  });
});
