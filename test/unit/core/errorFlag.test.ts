import * as assert from 'node:assert/strict';
import { isErrorFlag } from '../../../src/core/errorFlag';

describe('isErrorFlag', () => {
  it('recognises the ways MegaAPI hosts say "error"', () => {
    for (const value of [true, 1, 'true', 'TRUE', ' True ', '1', 'yes', 'Yes\n']) {
      assert.equal(isErrorFlag(value), true, JSON.stringify(value));
    }
  });

  it('reads everything else as no error flag', () => {
    for (const value of [
      false,
      0,
      2,
      -1,
      NaN,
      'false',
      '0',
      '',
      ' ',
      'no',
      'error',
      'truthy',
      undefined,
      null,
      {},
      [],
      [true],
      { error: true },
    ]) {
      assert.equal(isErrorFlag(value), false, JSON.stringify(value));
    }
  });
});
