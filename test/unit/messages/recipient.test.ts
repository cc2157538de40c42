import * as assert from 'node:assert/strict';
import { formatRecipient, parseRecipient } from '../../../src/messages/recipient';
import { recipientReason } from '../../../src/messages/recipientReasons';
import { english } from '../support';

describe('parseRecipient', () => {
  it('takes a number typed as people type it, or a JID, as digits', () => {
    for (const raw of [
      '5511999999999',
      '+55 (11) 99999-9999',
      ' 5511999999999@s.whatsapp.net',
      '5511999999999:12@s.whatsapp.net',
      '5511999999999@c.us',
    ]) {
      assert.deepEqual(parseRecipient(raw), { ok: true, value: { kind: 'person', to: '5511999999999' } }, raw);
    }
  });

  it('takes both forms of group id, and refuses groups where only people make sense', () => {
    for (const id of ['120363000000000001@g.us', '5511999999999-1600000000@g.us']) {
      assert.deepEqual(parseRecipient(id), { ok: true, value: { kind: 'group', to: id } });
    }
    assert.deepEqual(parseRecipient('120363000000000001@G.US'), {
      ok: true,
      value: { kind: 'group', to: '120363000000000001@g.us' },
    });
    assert.deepEqual(parseRecipient('120363000000000001@g.us', { groups: false }), {
      ok: false,
      reason: 'groupNotHere',
    });
    assert.deepEqual(parseRecipient('abc@g.us'), { ok: false, reason: 'group' });
  });

  it('refuses what is no destination, with a reason the prompt can say', () => {
    const cases: Array<[string, string]> = [
      ['', 'empty'],
      ['55119999x9999', 'digits'],
      ['12345', 'length'],
      ['5511999999999@lid', 'digits'],
      ['someone@example.com', 'digits'],
    ];
    for (const [raw, reason] of cases) {
      const parsed = parseRecipient(raw);
      assert.deepEqual(parsed, { ok: false, reason }, raw);
      if (!parsed.ok) assert.ok(recipientReason(parsed.reason, english).length > 10);
    }
  });

  it('formats a person as a phone number and a group as its id', () => {
    assert.equal(formatRecipient({ kind: 'person', to: '5511999999999' }), '+55 11 99999-9999');
    assert.equal(formatRecipient({ kind: 'group', to: '120363000000000001@g.us' }), '120363000000000001@g.us');
  });
});
