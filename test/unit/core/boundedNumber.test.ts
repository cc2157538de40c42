import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { NumberSpec, boundedNumber } from '../../../src/core/boundedNumber';

/** As `megaapi.qrRefreshSeconds`. */
const REFRESH: NumberSpec = { fallback: 20, min: 10, max: 60 };

describe('boundedNumber', () => {
  it('passes a finite number within bounds, fractions included', () => {
    assert.deepEqual(boundedNumber(15, REFRESH), { value: 15 });
    assert.deepEqual(boundedNumber(10, REFRESH), { value: 10 });
    assert.deepEqual(boundedNumber(60, REFRESH), { value: 60 });
    assert.deepEqual(boundedNumber(0.25, { fallback: 3, min: 0.25, max: 10 }), { value: 0.25 });
  });

  it('moves an out-of-range number to the nearest bound and says which', () => {
    assert.deepEqual(boundedNumber(-5, REFRESH), { value: 10, problem: 'belowMinimum' });
    assert.deepEqual(boundedNumber(1e308, REFRESH), { value: 60, problem: 'aboveMaximum' });
    assert.deepEqual(boundedNumber(Number.MAX_SAFE_INTEGER, REFRESH), { value: 60, problem: 'aboveMaximum' });
  });

  it('accepts a decimal number written as a string', () => {
    assert.deepEqual(boundedNumber('15', REFRESH), { value: 15 });
    assert.deepEqual(boundedNumber(' 12.5 ', REFRESH), { value: 12.5 });
    assert.deepEqual(boundedNumber('1e3', REFRESH), { value: 60, problem: 'aboveMaximum' });
    assert.deepEqual(boundedNumber('-1', REFRESH), { value: 10, problem: 'belowMinimum' });
  });

  it('falls back for anything that is not a finite number', () => {
    for (const raw of [
      '',
      ' ',
      'abc',
      '15s',
      '0x10',
      '1e400',
      'Infinity',
      'NaN',
      NaN,
      Infinity,
      -Infinity,
      null,
      undefined,
      true,
      false,
      {},
      [15],
      { value: 15 },
    ]) {
      assert.deepEqual(boundedNumber(raw, REFRESH), { value: 20, problem: 'notANumber' }, String(raw));
    }
  });

  it('always returns a finite value within bounds or the fallback (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.double(), fc.double().map(String), fc.string()), (raw) => {
        const { value, problem } = boundedNumber(raw, REFRESH);
        assert.ok(Number.isFinite(value));
        assert.ok(value >= REFRESH.min && value <= REFRESH.max);
        if (problem === 'notANumber') assert.equal(value, REFRESH.fallback);
      }),
      { numRuns: 3000 },
    );
  });
});
