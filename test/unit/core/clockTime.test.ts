import * as assert from 'node:assert/strict';
import { clockTime } from '../../../src/core/clockTime';

// A fixed local time, so the expected texts do not depend on the machine's time zone.
const AT = new Date(2026, 10, 25, 14, 5, 9).getTime();

describe('clockTime', () => {
  it('writes the time as the user’s language does, to the minute for the sidebar', () => {
    assert.equal(clockTime(AT, 'pt-br', 'minutes'), '14:05');
    assert.equal(clockTime(AT, 'en', 'minutes'), '02:05 PM');
  });

  it('writes the seconds too for the panel, the very text toLocaleTimeString gave it before', () => {
    assert.equal(clockTime(AT, 'pt-br', 'seconds'), '14:05:09');
    assert.equal(clockTime(AT, 'en', 'seconds'), new Date(AT).toLocaleTimeString('en'));
  });

  it('gives every later call the same text as the first, per language and style', () => {
    const first = [clockTime(AT, 'en', 'minutes'), clockTime(AT, 'pt-br', 'minutes')];
    const again = [clockTime(AT, 'en', 'minutes'), clockTime(AT, 'pt-br', 'minutes')];
    assert.deepEqual(again, first);
    assert.notEqual(first[0], first[1]);
  });
});
