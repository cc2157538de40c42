import * as assert from 'node:assert/strict';
import { ApiResult, failure, success } from '../../src/api/errors';
import { Webhook } from '../../src/api/webhook';
import { InstanceRecords } from '../../src/instances/records';
import { LAST_RECIPIENT } from '../../src/messages/lastRecipient';
import { WEBHOOK_MEMORY, WebhookMemory, rememberBefore } from '../../src/webhook/webhookMemory';
import { describeWebhook } from '../../src/webhook/describeWebhook';
import { WebhookReads } from '../../src/webhook/webhookReads';
import { MapMemento, english, flush } from './support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };
const B = { baseUrl: 'https://api.example', key: 'megastart-b' };
const PROD = { url: 'https://prod.example/hook?secret=p', enabled: true };
const TEST = { url: 'https://test.example/hook', enabled: true };
const CONTEXT = { host: 'api.example', key: A.key };

describe('remembering the webhook before a change', () => {
  it('keeps the value from before the first of a series of changes', () => {
    const first = rememberBefore(undefined, PROD, TEST, 1);
    assert.deepEqual(first, { previous: PROD, written: TEST, at: 1 });
    const disabled = { ...TEST, enabled: false };
    const second = rememberBefore(first, TEST, disabled, 2);
    assert.deepEqual(second, { previous: PROD, written: disabled, at: 2 });
  });

  it('starts a new series when someone else changed the webhook meanwhile', () => {
    const first = rememberBefore(undefined, PROD, TEST, 1);
    const other = { url: 'https://other.example', enabled: true };
    assert.deepEqual(rememberBefore(first, other, TEST, 2), { previous: other, written: TEST, at: 2 });
  });

  it('has nothing to remember once a change puts the original back', () => {
    const first = rememberBefore(undefined, PROD, { ...PROD, enabled: false }, 1);
    assert.equal(rememberBefore(first, { ...PROD, enabled: false }, PROD, 2), undefined);
  });

  it('stores per instance in globalState, unsynced, and follows renames', async () => {
    const memento = new MapMemento();
    const records = new InstanceRecords(memento, WEBHOOK_MEMORY);
    const memory = new WebhookMemory(records, () => 5);
    await memory.beforeChange(A, PROD, TEST);
    assert.deepEqual(memory.get(A), { previous: PROD, written: TEST, at: 5 });
    assert.equal(memory.get(B), undefined);
    assert.deepEqual(memento.synced, []);
    await memory.readBack(A, { url: 'https://test.example/hook/', enabled: true });
    await memory.beforeChange(A, { url: 'https://test.example/hook/', enabled: true }, { ...TEST, enabled: false });
    assert.deepEqual(memory.get(A)?.previous, PROD, 'a URL the server normalised is still the same series');
    await records.move(A, B);
    assert.equal(memory.get(A), undefined);
    assert.deepEqual(memory.get(B)?.previous, PROD);
    const before = memory.get(B);
    await memory.beforeChange(B, TEST, PROD);
    await memory.undo(B, before);
    assert.deepEqual(memory.get(B), before);
    await memory.forget(B);
    assert.equal(memory.get(B), undefined);
  });

  it('ignores whatever else sits under its key', () => {
    const memento = new MapMemento();
    memento.values.set('megaapi.webhookMemory', { [`${A.baseUrl}|${A.key}`]: { previous: 'x' } });
    assert.equal(new WebhookMemory(new InstanceRecords(memento, WEBHOOK_MEMORY)).get(A), undefined);
  });
});

describe('the last destination', () => {
  it('is kept per instance, moved on rename and forgotten on remove', async () => {
    const memento = new MapMemento();
    const last = new InstanceRecords(memento, LAST_RECIPIENT);
    await last.set(A, '5511999999999');
    assert.equal(last.get(A), '5511999999999');
    assert.equal(last.get(B), undefined);
    await last.move(A, B);
    assert.deepEqual([last.get(A), last.get(B)], [undefined, '5511999999999']);
    await last.forget(B);
    assert.equal(last.get(B), undefined);
    assert.deepEqual(memento.synced, []);
  });
});

describe('the sidebar webhook item', () => {
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

  it('shows the URL masked and short, the state, and a context value for the menus', () => {
    const url = 'https://hooks.example.test/e2e?secret=s3cr3t';
    const look = describeWebhook({ kind: 'read', webhook: webhook(url, false), at: 0 }, true, CONTEXT, english);
    assert.equal(look.description, 'hooks.example.test/e2e?… · disabled');
    assert.equal(look.contextValue, 'webhook.disabled.restorable');
    assert.ok(look.tooltip.includes('URL: https://hooks.example.test/e2e?…'));
    assert.ok(!JSON.stringify(look).includes('s3cr3t'));
    const none = describeWebhook({ kind: 'read', webhook: webhook(''), at: 0 }, false, CONTEXT, english);
    assert.equal(none.contextValue, 'webhook.none');
    const broken = describeWebhook(
      { kind: 'error', error: { kind: 'unauthorized', status: 401 }, at: 0 },
      false,
      CONTEXT,
      english,
    );
    assert.equal(broken.contextValue, 'webhook.error');
    assert.match(broken.tooltip[0], /rejected the token/);
  });

  it('makes a URL from the server inert', () => {
    const look = describeWebhook(
      { kind: 'read', webhook: webhook('[x](command:evil)\u202e', true), at: 0 },
      false,
      { host: 'api.example', key: A.key },
      english,
    );
    assert.ok(!look.description.includes('](') && !look.description.includes('\u202e'));
  });
});
