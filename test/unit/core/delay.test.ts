import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { MAX_TIMER_MS, clampDelay, parseRetryAfterMs, retryDelayMs } from '../../../src/core/delay';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

describe('clampDelay', () => {
  it('keeps a delay within its bounds', () => {
    assert.equal(clampDelay(5000, 1000, 10_000), 5000);
    assert.equal(clampDelay(10, 1000, 10_000), 1000);
    assert.equal(clampDelay(1e12, 1000, 10_000), 10_000);
  });

  it('gives min for NaN, and the nearest bound for infinities', () => {
    assert.equal(clampDelay(NaN, 1000, 10_000), 1000);
    assert.equal(clampDelay(Infinity, 1000, 10_000), 10_000);
    assert.equal(clampDelay(-Infinity, 1000, 10_000), 1000);
  });

  it('never hands a timer more than 2^31−1 ms or less than 0, whatever the bounds', () => {
    assert.equal(MAX_TIMER_MS, 2147483647);
    assert.equal(clampDelay(Infinity, 0, Infinity), MAX_TIMER_MS);
    assert.equal(clampDelay(2 ** 31, 0, 2 ** 40), MAX_TIMER_MS);
    assert.equal(clampDelay(-5, -100, 100), 0);
    assert.equal(clampDelay(50, 100, 10), 10, 'max wins when the bounds are crossed');
    assert.equal(clampDelay(50, NaN, NaN), 50);
  });

  it('is always a finite timer value (property)', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), (ms, min, max) => {
        const out = clampDelay(ms, min, max);
        assert.ok(Number.isFinite(out) && out >= 0 && out <= MAX_TIMER_MS);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds, including decimals', () => {
    assert.equal(parseRetryAfterMs('120', NOW), 120_000);
    assert.equal(parseRetryAfterMs(' 1.5 ', NOW), 1500);
    assert.equal(parseRetryAfterMs('0', NOW), 0);
    assert.equal(parseRetryAfterMs('-5', NOW), 0);
  });

  it('caps absurd seconds at the timer limit instead of overflowing to Infinity', () => {
    assert.equal(parseRetryAfterMs('1e30', NOW), MAX_TIMER_MS);
    assert.equal(parseRetryAfterMs('9'.repeat(60), NOW), MAX_TIMER_MS);
    assert.equal(parseRetryAfterMs('1e400', NOW), MAX_TIMER_MS);
    assert.equal(parseRetryAfterMs('-1e400', NOW), 0);
  });

  it('reads the three HTTP-date forms as UTC against the moment the reply came', () => {
    assert.equal(parseRetryAfterMs('Sun, 01 Jun 2025 12:00:30 GMT', NOW), 30_000);
    assert.equal(parseRetryAfterMs('Sunday, 01-Jun-25 12:01:00 GMT', NOW), 60_000);
    assert.equal(parseRetryAfterMs('Sun Jun  1 12:00:05 2025', NOW), 5000);
    assert.equal(parseRetryAfterMs(new Date(NOW + 90_000).toUTCString(), NOW), 90_000);
  });

  it('gives 0 for a date in the past and caps one far ahead', () => {
    assert.equal(parseRetryAfterMs('Sun, 06 Nov 1994 08:49:37 GMT', NOW), 0);
    assert.equal(parseRetryAfterMs('Fri, 31 Dec 9999 23:59:59 GMT', NOW), MAX_TIMER_MS);
  });

  it('reads an RFC 850 year more than 50 years ahead as last century', () => {
    assert.equal(parseRetryAfterMs('Sunday, 06-Nov-94 08:49:37 GMT', NOW), 0);
  });

  it('is undefined for garbage, so the caller keeps its own backoff', () => {
    for (const header of [
      null,
      undefined,
      '',
      '   ',
      'soon',
      '0x10',
      '1,5',
      '10s',
      'Infinity',
      'NaN',
      '2025-06-01T12:00:30Z',
      'Sun, 31 Feb 2025 12:00:00 GMT',
      'Sun, 01 Foo 2025 12:00:00 GMT',
      'Sun, 01 Jun 2025 25:00:00 GMT',
      '1'.repeat(100),
    ]) {
      assert.equal(parseRetryAfterMs(header, NOW), undefined, String(header));
    }
  });
});

describe('retryDelayMs', () => {
  it('is the backoff when the server says nothing or asks for less', () => {
    assert.equal(retryDelayMs(2000, undefined), 2000);
    assert.equal(retryDelayMs(2000, 500), 2000);
    assert.equal(retryDelayMs(2000, 0), 2000);
  });

  it('honours Retry-After up to ten minutes', () => {
    assert.equal(retryDelayMs(2000, 30_000), 30_000);
    assert.equal(retryDelayMs(2000, 86_400_000), 600_000);
    assert.equal(retryDelayMs(2000, MAX_TIMER_MS), 600_000);
    assert.equal(retryDelayMs(2000, 5000, 3000), 3000);
  });

  it('stays a timer value for nonsense input', () => {
    assert.equal(retryDelayMs(NaN, NaN), 0);
    assert.equal(retryDelayMs(Infinity, undefined), 600_000);
    assert.equal(retryDelayMs(-1, -1), 0);
    assert.equal(retryDelayMs(1000, 5000, Infinity), 5000);
    assert.equal(retryDelayMs(1000, Infinity, Infinity), MAX_TIMER_MS);
  });

  const header = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.double().map(String),
    fc.bigInt().map(String),
    fc.float({ noNaN: true }).map((n) => n.toFixed(3)),
    fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
    fc.integer({ min: -1e6, max: 1e6 }).map((s) => new Date(NOW + s * 1000).toUTCString()),
    fc.constantFrom('1e30', '-0', '.5', '5.', '+3', 'Sun Jun  1 12:00:05 2025'),
  );

  it('for any header and backoff: finite, not below the backoff, at most ten minutes (property)', () => {
    fc.assert(
      fc.property(
        header,
        fc.double({ min: 0, max: 60_000, noNaN: true }),
        fc.double({ noNaN: true }),
        (text, backoff, now) => {
          const out = retryDelayMs(backoff, parseRetryAfterMs(text, now));
          assert.ok(Number.isFinite(out));
          assert.ok(out >= backoff);
          assert.ok(out <= 600_000);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('for any numbers at all: within [0, min(max, 2^31−1)] (property)', () => {
    fc.assert(
      fc.property(fc.double(), fc.option(fc.double(), { nil: undefined }), fc.double(), (backoff, asked, max) => {
        const out = retryDelayMs(backoff, asked, max);
        assert.ok(Number.isFinite(out) && out >= 0 && out <= MAX_TIMER_MS);
        if (max >= 0) assert.ok(out <= max);
      }),
      { numRuns: 5000 },
    );
  });
});
