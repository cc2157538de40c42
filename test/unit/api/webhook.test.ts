import * as assert from 'node:assert/strict';
import { webhookFromReply, webhookMessageData } from '../../../src/api/webhook';
import { jsonReply } from '../support';

describe('webhook replies, parsed defensively', () => {
  it('reads the webhook under webhookData, data or the top, and keeps unknown fields', () => {
    const documented = webhookFromReply(
      jsonReply({
        error: false,
        webhookData: { webhookUrl: 'https://a.example/h', webhookEnabled: 'false', extra: [1] },
      }),
    );
    assert.deepEqual(documented, {
      ok: true,
      value: {
        url: 'https://a.example/h',
        enabled: false,
        secondaryUrl: undefined,
        fields: { webhookUrl: 'https://a.example/h', webhookEnabled: 'false', extra: [1] },
      },
    });
    const top = webhookFromReply(jsonReply({ error: false, message: 'ok', webhookUrl: 'https://b.example', other: 2 }));
    assert.ok(top.ok);
    assert.deepEqual(top.value.fields, { webhookUrl: 'https://b.example', other: 2 });
    assert.equal(top.value.enabled, undefined);
    assert.deepEqual(webhookFromReply(jsonReply({ webhookData: null })), { ok: true, value: { url: '', fields: {} } });
    const none = webhookFromReply(jsonReply({ webhookData: { webhookUrl: null, webhookEnabled: false } }));
    assert.ok(none.ok && none.value.url === '');
    assert.deepEqual(webhookFromReply(jsonReply({ error: false, message: 'ok' })), {
      ok: false,
      error: { kind: 'badPayload', status: 200, reason: 'shape' },
    });
    assert.deepEqual(webhookFromReply(jsonReply({ webhookData: { webhookUrl: 42 } })), {
      ok: false,
      error: { kind: 'badPayload', status: 200, reason: 'shape' },
    });
  });

  it('writes the change over every field read, leaving out nulls and the flag when not given', () => {
    const read = {
      url: 'https://a.example',
      fields: { webhookUrl: 'https://a.example', webhookEnabled: true, s: null, k: 'v' },
    };
    assert.deepEqual(webhookMessageData(read, { url: 'https://b.example', enabled: false }), {
      webhookUrl: 'https://b.example',
      webhookEnabled: false,
      k: 'v',
    });
    assert.deepEqual(webhookMessageData(read, { url: 'https://c.example' }), {
      webhookUrl: 'https://c.example',
      webhookEnabled: true,
      k: 'v',
    });
  });
});
