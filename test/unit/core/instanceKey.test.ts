import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { restUrl } from '../../../src/api/client';
import { parseInstanceKey } from '../../../src/core/instanceKey';

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
