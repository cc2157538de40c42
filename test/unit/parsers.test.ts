import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBaseUrl } from '../../src/core/baseUrl';
import { parseInstanceKey } from '../../src/core/instanceKey';
import { formatPhoneNumber, parsePhoneNumber, phoneFromJid } from '../../src/core/phoneNumber';
import { parseToken } from '../../src/core/token';
import { restUrl } from '../../src/api/client';

describe('parseBaseUrl', () => {
  it('adds https:// and drops trailing slashes, as users paste hosts', () => {
    assert.deepEqual(parseBaseUrl('apinocode01.megaapi.com.br/'), {
      ok: true,
      value: 'https://apinocode01.megaapi.com.br',
    });
    assert.deepEqual(parseBaseUrl('  https://API2.megaapi.com.br//  '), {
      ok: true,
      value: 'https://api2.megaapi.com.br',
    });
  });

  it('keeps a path prefix for white-label hosts', () => {
    assert.deepEqual(parseBaseUrl('https://whatsapp.example.com/megaapi/'), {
      ok: true,
      value: 'https://whatsapp.example.com/megaapi',
    });
  });

  it('refuses plain http off this machine unless allowed, and allows loopback', () => {
    assert.deepEqual(parseBaseUrl('http://api2.megaapi.com.br'), { ok: false, reason: 'insecure' });
    assert.equal(parseBaseUrl('http://api2.megaapi.com.br', { allowInsecureHttp: true }).ok, true);
    assert.deepEqual(parseBaseUrl('http://127.0.0.1:3000/'), { ok: true, value: 'http://127.0.0.1:3000' });
    assert.equal(parseBaseUrl('http://localhost:3000').ok, true);
  });

  it('refuses credentials, queries, fragments, other schemes and junk, with a reason', () => {
    assert.deepEqual(parseBaseUrl('https://user:pass@api2.megaapi.com.br'), { ok: false, reason: 'userInfo' });
    assert.deepEqual(parseBaseUrl('https://api2.megaapi.com.br/?x=1'), { ok: false, reason: 'queryOrFragment' });
    assert.deepEqual(parseBaseUrl('https://api2.megaapi.com.br/#top'), { ok: false, reason: 'queryOrFragment' });
    assert.deepEqual(parseBaseUrl('ftp://api2.megaapi.com.br'), { ok: false, reason: 'scheme' });
    assert.deepEqual(parseBaseUrl('https://api2 .megaapi.com.br'), { ok: false, reason: 'whitespace' });
    assert.deepEqual(parseBaseUrl(''), { ok: false, reason: 'empty' });
    assert.deepEqual(parseBaseUrl('x'.repeat(1_000_000)), { ok: false, reason: 'tooLong' });
    assert.equal(parseBaseUrl('https://[::1').ok, false);
  });
});

describe('parseInstanceKey', () => {
  it('accepts MegaAPI keys and trims what was pasted around them', () => {
    assert.deepEqual(parseInstanceKey(' megastart-MJe7oB3Jx9 '), { ok: true, value: 'megastart-MJe7oB3Jx9' });
    assert.deepEqual(parseInstanceKey('megacode-ABC_123'), { ok: true, value: 'megacode-ABC_123' });
  });

  it('refuses path tricks, separators, whitespace, control characters, look-alikes and huge input', () => {
    for (const raw of [
      '../etc',
      '%2e%2e',
      'a/b',
      'a?b',
      'a#b',
      'a b',
      'a\u0000b',
      'megastаrt-1' /* Cyrillic а */,
      '.',
      '..',
      '-x',
    ]) {
      assert.deepEqual(parseInstanceKey(raw), { ok: false, reason: 'characters' }, raw);
    }
    assert.deepEqual(parseInstanceKey(''), { ok: false, reason: 'empty' });
    assert.deepEqual(parseInstanceKey('k'.repeat(1_000_000)), { ok: false, reason: 'tooLong' });
  });

  it('never lets any accepted key change the origin or leave /rest/instance/ (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 64 }),
        fc.constantFrom('qrcode_base64', 'pairingCode', undefined),
        (raw, verb) => {
          const key = parseInstanceKey(raw);
          if (!key.ok) return;
          const url = new URL(
            restUrl('https://api2.megaapi.com.br/base', ['instance', ...(verb ? [verb, key.value] : [key.value])]) ??
              '',
          );
          assert.equal(url.origin, 'https://api2.megaapi.com.br');
          assert.ok(url.pathname.startsWith('/base/rest/instance/'));
          assert.equal(url.search, '');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('encodes even unvalidated segments as one segment, and refuses dot segments outright', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 32 }), (segment) => {
        const built = restUrl('https://api2.megaapi.com.br', ['instance', 'qrcode_base64', segment]);
        if (built === undefined) return; // refused: the only other acceptable outcome
        const url = new URL(built);
        assert.equal(url.origin, 'https://api2.megaapi.com.br');
        assert.ok(url.pathname.startsWith('/rest/instance/qrcode_base64/'));
        assert.equal(url.pathname.split('/').length, 5);
      }),
      { numRuns: 2000 },
    );
    assert.equal(restUrl('https://api2.megaapi.com.br', ['instance', '..']), undefined);
  });
});

describe('parseToken', () => {
  it('takes opaque tokens and JWTs as they are, dropping a pasted "Bearer "', () => {
    assert.deepEqual(parseToken('MDT3OHEGIV'), { ok: true, value: 'MDT3OHEGIV' });
    assert.deepEqual(parseToken('Bearer eyJhbGciOiJIUzI1NiJ9.e30.x'), {
      ok: true,
      value: 'eyJhbGciOiJIUzI1NiJ9.e30.x',
    });
  });

  it('refuses what cannot travel in a header', () => {
    assert.deepEqual(parseToken('abc def'), { ok: false, reason: 'characters' });
    assert.deepEqual(parseToken('abc\r\nX-Evil: 1'), { ok: false, reason: 'characters' });
    assert.deepEqual(parseToken('tökén'), { ok: false, reason: 'characters' });
    assert.deepEqual(parseToken('   '), { ok: false, reason: 'empty' });
  });
});

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
