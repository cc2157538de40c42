import * as assert from 'node:assert/strict';
import { formatPhoneNumber, parsePhoneNumber, phoneFromJid } from '../../../src/core/phoneNumber';

describe('phone numbers', () => {
  it('accepts Brazilian numbers typed with habits, digits only out', () => {
    assert.deepEqual(parsePhoneNumber('+55 (11) 99999-9999'), { ok: true, value: '5511999999999' });
    assert.deepEqual(parsePhoneNumber('11 9999'), { ok: false, reason: 'length' });
    assert.deepEqual(parsePhoneNumber('55abc'), { ok: false, reason: 'digits' });
  });

  it('formats the linked account from its WhatsApp id', () => {
    assert.equal(phoneFromJid('5511999999999:12@s.whatsapp.net'), '5511999999999');
    assert.equal(formatPhoneNumber('5511999999999'), '+55 11 99999-9999');
    assert.equal(formatPhoneNumber('14155550100'), '+14155550100');
  });
});
