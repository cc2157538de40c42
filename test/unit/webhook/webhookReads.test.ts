import * as assert from 'node:assert/strict';
import { ApiResult, failure, success } from '../../../src/api/errors';
import { Webhook } from '../../../src/api/webhook';
import { WebhookReads } from '../../../src/webhook/webhookReads';
import { flush } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };

describe('the last read of each webhook', () => {
  const webhook = (url: string, enabled?: boolean): Webhook => ({ url, enabled, fields: {} });

  it('reads once for concurrent looks, and reads again after forget, dropping a read forgotten mid-way', async () => {
    let calls = 0;
    const answers: Array<(result: ApiResult<Webhook>) => void> = [];
    const reads = new WebhookReads(
      () =>
        new Promise((resolve) => {
          calls++;
          answers.push(resolve);
        }),
      () => 100,
    );
    const one = reads.get(A);
    const two = reads.get(A);
    answers[0](success(webhook('https://a.example/1', true)));
    assert.equal((await one).kind, 'read');
    assert.equal(await two, await one);
    assert.equal(calls, 1);
    assert.equal(reads.ageMs(A), 0);

    reads.forget(A);
    const stale = reads.get(A);
    reads.forget(A);
    const fresh = reads.get(A);
    answers[1](success(webhook('https://old.example', true)));
    answers[2](failure({ kind: 'server', status: 502 }));
    await stale;
    await flush();
    const now = await reads.get(A);
    assert.equal(now.kind, 'error');
    assert.equal(await fresh, now);
    assert.equal(calls, 3);
  });
});
