import * as assert from 'node:assert/strict';
import { parseToken } from '../../../src/core/token';

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
