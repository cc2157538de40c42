import * as assert from 'node:assert/strict';
import { numberCheckFromReply, sentFromReply } from '../../../src/api/messages';
import { jsonReply } from '../support';

describe('message replies, parsed defensively', () => {
  it('reads a message id under key.id, or next to it, and sends without one', () => {
    assert.deepEqual(sentFromReply(jsonReply({ error: false, key: { id: '3EB0ABC' } })), {
      ok: true,
      value: { id: '3EB0ABC' },
    });
    assert.deepEqual(sentFromReply(jsonReply({ data: { key: { id: 'BAE5X' } } })), {
      ok: true,
      value: { id: 'BAE5X' },
    });
    assert.deepEqual(sentFromReply(jsonReply({ messageId: 'M1' })), { ok: true, value: { id: 'M1' } });
    assert.deepEqual(sentFromReply(jsonReply({ error: false, message: 'ok' })), { ok: true, value: { id: undefined } });
    assert.deepEqual(sentFromReply(jsonReply({ key: { id: '<img src=x>' } })), { ok: true, value: { id: undefined } });
    assert.deepEqual(sentFromReply(jsonReply({ error: true, message: 'Instance not connected' })), {
      ok: false,
      error: { kind: 'api', status: 200, message: 'Instance not connected' },
    });
  });

  it('reads exists, result or isOnWhatsApp, a list as Baileys sends it, and says unknown otherwise', () => {
    const yes = { ok: true, value: { answer: 'yes', jid: '5511999999999@s.whatsapp.net' } };
    assert.deepEqual(numberCheckFromReply(jsonReply({ exists: true, jid: '5511999999999@s.whatsapp.net' })), yes);
    assert.deepEqual(
      numberCheckFromReply(jsonReply({ result: [{ exists: true, jid: '5511999999999@s.whatsapp.net' }] })),
      yes,
    );
    assert.deepEqual(numberCheckFromReply(jsonReply({ isOnWhatsApp: 'true' })), {
      ok: true,
      value: { answer: 'yes', jid: undefined },
    });
    assert.deepEqual(numberCheckFromReply(jsonReply({ exists: true, jid: 'javascript:alert(1)' })), {
      ok: true,
      value: { answer: 'yes', jid: undefined },
    });
    assert.deepEqual(numberCheckFromReply(jsonReply({ result: false })), { ok: true, value: { answer: 'no' } });
    assert.deepEqual(numberCheckFromReply(jsonReply({ data: { exists: 0 } })), { ok: true, value: { answer: 'no' } });
    assert.deepEqual(numberCheckFromReply(jsonReply({ error: false, whatever: 1 })), {
      ok: true,
      value: { answer: 'unknown' },
    });
    assert.deepEqual(numberCheckFromReply(jsonReply({ exists: 'maybe' })), { ok: true, value: { answer: 'unknown' } });
  });
});
