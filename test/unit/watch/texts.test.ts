import * as assert from 'node:assert/strict';
import { failure, success } from '../../../src/api/errors';
import { watchIntervalSeconds } from '../../../src/core/settingSpecs';
import { dropText } from '../../../src/watch/dropText';
import { observation } from '../../../src/watch/observe';
import { english } from '../support';

const instance = { baseUrl: 'https://api.example.com', key: 'megastart-1' };

describe('what the watch reads from a status check', () => {
  it('maps answers and failures to what it acts on', () => {
    assert.deepEqual(observation(success({ status: 'connected', connected: true })), { kind: 'connected' });
    assert.deepEqual(observation(success({ status: 'close', connected: false })), {
      kind: 'notLinked',
      state: 'close',
    });
    assert.deepEqual(observation(failure({ kind: 'unauthorized', status: 401 })), { kind: 'tokenRejected' });
    assert.deepEqual(observation(failure({ kind: 'notFound', status: 404 })), { kind: 'notFound' });
    assert.deepEqual(observation(failure({ kind: 'rateLimited', retryAfterMs: 5000 })), {
      kind: 'failed',
      rateLimited: true,
      retryAfterMs: 5000,
    });
    assert.deepEqual(observation(failure({ kind: 'server', status: 502 })), { kind: 'failed' });
    assert.deepEqual(observation(failure({ kind: 'noToken' })), { kind: 'skipped' });
  });
});

describe('the drop notification', () => {
  it('names the instance, its account, what it is now and since when, with server words inert', () => {
    const text = dropText(
      { instance, kind: 'notLinked', state: '[click](command:evil)\u0007', since: 0 },
      'Loja · +55 11 99999-9999',
      '14:05',
      english,
    );
    assert.match(text, /^MegaAPI: megastart-1 \(Loja · \+55 11 99999-9999\) is no longer connected/);
    assert.match(text, /since 14:05\.$/);
    assert.ok(!text.includes(String.fromCharCode(7)));
    assert.doesNotMatch(text, /\]\(command:/);
    assert.match(dropText({ instance, kind: 'unreachable', since: 0 }, '', '14:05', english), /two checks in a row/);
  });
});

describe('megaapi.watch.intervalSeconds', () => {
  it('is 0 for off, at least 15, at most an hour, and the default for a wrong type or value', () => {
    assert.deepEqual(watchIntervalSeconds(0), { value: 0 });
    assert.equal(watchIntervalSeconds(60).value, 60);
    assert.equal(watchIntervalSeconds('30').value, 30);
    assert.equal(watchIntervalSeconds(5).value, 15);
    assert.equal(watchIntervalSeconds(1e9).value, 3600);
    assert.equal(watchIntervalSeconds(-10).value, 60);
    assert.equal(watchIntervalSeconds('often').value, 60);
    assert.equal(watchIntervalSeconds(null).value, 60);
    assert.equal(watchIntervalSeconds(Number.NaN).value, 60);
  });
});
