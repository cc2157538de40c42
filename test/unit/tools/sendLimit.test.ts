import * as assert from 'node:assert/strict';
import { SendLimit } from '../../../src/tools/sendLimit';

const A = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-a' };
const B = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-b' };

describe('agent tools: the send limit', () => {
  it('lets one message a second through, per instance', () => {
    let now = 1_000_000;
    const limit = new SendLimit(() => now);
    assert.equal(limit.take(A), true);
    assert.equal(limit.take(A), false);
    assert.equal(limit.waitMs(A), 1000);
    assert.equal(limit.take(B), true, 'another instance has its own count');
    now += 999;
    assert.equal(limit.take(A), false);
    now += 1;
    assert.equal(limit.take(A), true);
  });

  it('lets 20 through in ten minutes, then says how long to wait', () => {
    let now = 0;
    const limit = new SendLimit(() => now);
    for (let i = 0; i < 20; i += 1) {
      assert.equal(limit.take(A), true, `message ${i + 1}`);
      now += 2_000;
    }
    assert.equal(limit.take(A), false);
    // The first went at 0; the window frees it at 600 s.
    assert.equal(limit.waitMs(A), 600_000 - now);
    now = 600_000;
    assert.equal(limit.take(A), true);
    assert.equal(limit.take(A), false);
  });

  it('counts nothing that it refused', () => {
    let now = 0;
    const limit = new SendLimit(() => now);
    limit.take(A);
    for (let i = 0; i < 50; i += 1) limit.take(A);
    now = 1_000;
    assert.equal(limit.take(A), true);
  });
});
