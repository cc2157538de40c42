import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { eventFacts } from '../../../src/events/eventFacts';
import { eventLabel } from '../../../src/events/eventLabel';
import { english } from '../support';

const envelope = {
  instance_key: 'megastart-a',
  jid: '5511900000000@s.whatsapp.net',
  pushName: 'Maria',
  broadcast: false,
};
const inKey = { remoteJid: '5511988887777@s.whatsapp.net', fromMe: false, id: '3EB0AAA' };
const outKey = { ...inKey, fromMe: true };
const label = (json: unknown, size = 0) => eventLabel(eventFacts(json), english, size);

function media(type: string, inner: Record<string, unknown>, key = inKey) {
  return { ...envelope, messageType: type, key, message: { [type]: { url: 'https://mmg', mimetype: 'x', ...inner } } };
}

describe('the label of a webhook event', () => {
  it('a text received: who (push name and number) and the text', () => {
    const json = { ...envelope, messageType: 'conversation', key: inKey, message: { conversation: 'Olá' } };
    assert.equal(label(json), 'Maria (5511988887777): Olá');
    const extended = {
      ...envelope,
      messageType: 'extendedTextMessage',
      key: inKey,
      message: { extendedTextMessage: { text: 'see https://x' } },
    };
    assert.equal(label(extended), 'Maria (5511988887777): see https://x');
  });

  it('a message you sent', () => {
    const json = { ...envelope, messageType: 'conversation', key: outKey, message: { conversation: 'Hi' } };
    assert.equal(label(json), 'You sent to Maria (5511988887777): Hi');
  });

  it('an ack: sent, delivered or read, with the message id, in number or name form', () => {
    const ack = (status: unknown) => ({ ...envelope, messageType: 'message.ack', key: outKey, update: { status } });
    assert.equal(label(ack(2)), 'Ack: sent (message 3EB0AAA)');
    assert.equal(label(ack(3)), 'Ack: delivered (message 3EB0AAA)');
    assert.equal(label(ack(4)), 'Ack: read (message 3EB0AAA)');
    assert.equal(label(ack('READ')), 'Ack: read (message 3EB0AAA)');
    assert.equal(label(ack('DELIVERY_ACK')), 'Ack: delivered (message 3EB0AAA)');
    assert.equal(label(ack(5)), 'Ack: played (message 3EB0AAA)');
    assert.equal(label(ack(null)), 'Ack: status ? (message 3EB0AAA)');
    const spelled = { messageType: 'messages.update', key: outKey, update: { status: 3 } };
    assert.equal(label(spelled), 'Ack: delivered (message 3EB0AAA)');
    assert.equal(label({ messageType: 'message.ack', status: 'READ', messageId: 'X1' }), 'Ack: read (message X1)');
  });

  it('media: its kind with the caption or the file name', () => {
    assert.equal(label(media('imageMessage', { caption: 'Foto' })), 'Image from Maria (5511988887777): Foto');
    assert.equal(label(media('videoMessage', { caption: 'Vid' })), 'Video from Maria (5511988887777): Vid');
    assert.equal(label(media('audioMessage', { ptt: true, seconds: 3 })), 'Audio from Maria (5511988887777):');
    assert.equal(
      label(media('documentMessage', { fileName: 'nota.pdf' })),
      'Document from Maria (5511988887777): nota.pdf',
    );
    assert.equal(label(media('stickerMessage', {})), 'Sticker from Maria (5511988887777):');
    assert.equal(label(media('imageMessage', { caption: 'c' }, outKey)), 'Image you sent to Maria (5511988887777): c');
  });

  it('a location and a contact', () => {
    const location = media('locationMessage', { degreesLatitude: -23.5, degreesLongitude: -46.6 });
    assert.equal(label(location), 'Location from Maria (5511988887777): -23.5, -46.6');
    assert.equal(
      label(media('contactMessage', { displayName: 'João', vcard: 'BEGIN:VCARD' })),
      'Contact from Maria (5511988887777): João',
    );
  });

  it('a connection update in both shapes, with state and reason', () => {
    const first = { ...envelope, messageType: 'connection_update', connection_state: 'close', closeReason: 'logout' };
    assert.equal(label(first), 'Connection update: close (logout)');
    assert.deepEqual(eventFacts(first).connection, { connected: false, state: 'close', reason: 'logout' });
    const second = { jid: 'x', pushName: 'Maria', message: 'phone_connected' };
    assert.equal(label(second), 'Connection update: phone_connected');
    assert.equal(eventFacts(second).connection?.connected, true);
    assert.equal(eventFacts({ messageType: 'connection.update', state: 'open' }).connection?.connected, true);
    const odd = { messageType: 'connection_update', connection_state: 'connecting' };
    assert.equal(eventFacts(odd).connection?.connected, undefined);
  });

  it('known kinds without a label of their own, an unknown messageType, none, too large, not JSON', () => {
    assert.equal(
      label({ ...envelope, messageType: 'messageContextInfo', key: inKey }),
      'messageContextInfo from Maria (5511988887777)',
    );
    assert.equal(
      label({ ...envelope, messageType: 'pollUpdateMessage', key: inKey }),
      'Unknown messageType "pollUpdateMessage"',
    );
    assert.equal(label({ ...envelope, key: inKey }), 'Event without a messageType');
    assert.equal(eventLabel(eventFacts(undefined, 6_291_456), english, 6_291_456), 'Too large (6.0 MB), not kept');
    assert.equal(label(undefined, 8), 'Not JSON (8 bytes)');
    assert.equal(label([1, 2], 5), 'Not JSON (5 bytes)');
  });

  it('survives hostile types: prototype keys, wrong field types, huge values', () => {
    for (const messageType of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      assert.equal(label({ messageType, key: inKey, message: {} }), `Unknown messageType "${messageType}"`);
    }
    assert.equal(label({ messageType: 42, key: 'x', message: 'y' }), 'Event without a messageType');
    assert.equal(label({ messageType: 'conversation', key: { fromMe: false }, message: { conversation: 7 } }), '?:');
    assert.ok(label({ messageType: 'x'.repeat(1_000_000) }).length <= 161);
  });

  it('is inert, one line and bounded whatever the event holds (property)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom(
        '[x](command:workbench.action.terminal.new)',
        '<img src=x onerror=1>',
        '$(alert)',
        '\u202e\r\nforged',
        '![i](https://e)',
      ),
    );
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        hostile,
        fc.constantFrom('conversation', 'imageMessage', 'contactMessage', 'connection_update'),
        (type, name, text, id, known) => {
          for (const messageType of [type, known]) {
            const json = {
              messageType,
              pushName: name,
              connection_state: text,
              closeReason: id,
              key: { remoteJid: name, id, fromMe: false },
              message: { conversation: text, imageMessage: { caption: text }, contactMessage: { displayName: text } },
            };
            const shown = label(json);
            assert.ok(!shown.includes(']('), shown);
            assert.ok(!/[<>\n\r]/.test(shown), shown);
            assert.ok(!shown.includes('$('), shown);
            assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(shown), shown);
            assert.ok(shown.length <= 161, String(shown.length));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
