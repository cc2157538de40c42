import * as assert from 'node:assert/strict';
import { JsonReply } from '../../../src/api/http';
import { numberCheckFromReply, sentFromReply } from '../../../src/api/messages';

function reply(body: unknown, status = 200): JsonReply {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let parsed: Record<string, unknown> | undefined;
  try {
    const value: unknown = JSON.parse(text);
    parsed = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as never) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status, body: parsed, text, retryAfter: null, receivedAt: 0 };
}

describe('message replies, parsed defensively', () => {
  it('reads a message id under key.id, or next to it, and sends without one', () => {
    assert.deepEqual(sentFromReply(reply({ error: false, key: { id: '3EB0ABC' } })), {
      ok: true,
      value: { id: '3EB0ABC' },
    });
    assert.deepEqual(sentFromReply(reply({ data: { key: { id: 'BAE5X' } } })), { ok: true, value: { id: 'BAE5X' } });
    assert.deepEqual(sentFromReply(reply({ messageId: 'M1' })), { ok: true, value: { id: 'M1' } });
    assert.deepEqual(sentFromReply(reply({ error: false, message: 'ok' })), { ok: true, value: { id: undefined } });
    assert.deepEqual(sentFromReply(reply({ key: { id: '<img src=x>' } })), { ok: true, value: { id: undefined } });
    assert.deepEqual(sentFromReply(reply({ error: true, message: 'Instance not connected' })), {
      ok: false,
      error: { kind: 'api', status: 200, message: 'Instance not connected' },
    });
  });

  it('reads exists, result or isOnWhatsApp, a list as Baileys sends it, and says unknown otherwise', () => {
    const yes = { ok: true, value: { answer: 'yes', jid: '5511999999999@s.whatsapp.net' } };
    assert.deepEqual(numberCheckFromReply(reply({ exists: true, jid: '5511999999999@s.whatsapp.net' })), yes);
    assert.deepEqual(
      numberCheckFromReply(reply({ result: [{ exists: true, jid: '5511999999999@s.whatsapp.net' }] })),
      yes,
    );
    assert.deepEqual(numberCheckFromReply(reply({ isOnWhatsApp: 'true' })), {
      ok: true,
      value: { answer: 'yes', jid: undefined },
    });
    assert.deepEqual(numberCheckFromReply(reply({ exists: true, jid: 'javascript:alert(1)' })), {
      ok: true,
      value: { answer: 'yes', jid: undefined },
    });
    assert.deepEqual(numberCheckFromReply(reply({ result: false })), { ok: true, value: { answer: 'no' } });
    assert.deepEqual(numberCheckFromReply(reply({ data: { exists: 0 } })), { ok: true, value: { answer: 'no' } });
    assert.deepEqual(numberCheckFromReply(reply({ error: false, whatever: 1 })), {
      ok: true,
      value: { answer: 'unknown' },
    });
    assert.deepEqual(numberCheckFromReply(reply({ exists: 'maybe' })), { ok: true, value: { answer: 'unknown' } });
  });
});
