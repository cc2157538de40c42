import * as assert from 'node:assert/strict';
import { InstanceRecords } from '../../../src/instances/records';
import { WEBHOOK_MEMORY, WebhookMemory, rememberBefore } from '../../../src/webhook/webhookMemory';
import { MapMemento } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };
const B = { baseUrl: 'https://api.example', key: 'megastart-b' };
const PROD = { url: 'https://prod.example/hook?secret=p', enabled: true };
const TEST = { url: 'https://test.example/hook', enabled: true };

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
    assert.deepEqual(await memory.get(A), { previous: PROD, written: TEST, at: 5 });
    assert.equal(await memory.get(B), undefined);
    assert.deepEqual(memento.synced, []);
    await memory.readBack(A, { url: 'https://test.example/hook/', enabled: true });
    await memory.beforeChange(A, { url: 'https://test.example/hook/', enabled: true }, { ...TEST, enabled: false });
    assert.deepEqual((await memory.get(A))?.previous, PROD, 'a URL the server normalised is still the same series');
    await records.move(A, B);
    assert.equal(await memory.get(A), undefined);
    assert.deepEqual((await memory.get(B))?.previous, PROD);
    const before = await memory.get(B);
    await memory.beforeChange(B, TEST, PROD);
    await memory.undo(B, before);
    assert.deepEqual(await memory.get(B), before);
    await memory.forget(B);
    assert.equal(await memory.get(B), undefined);
  });

  it('ignores whatever else sits under its key', async () => {
    const memento = new MapMemento();
    memento.values.set('megaapi.webhookMemory', { [`${A.baseUrl}|${A.key}`]: { previous: 'x' } });
    assert.equal(await new WebhookMemory(new InstanceRecords(memento, WEBHOOK_MEMORY)).get(A), undefined);
  });
});
