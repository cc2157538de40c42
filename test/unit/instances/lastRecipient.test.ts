import * as assert from 'node:assert/strict';
import { InstanceRecords } from '../../../src/instances/records';
import { LAST_RECIPIENT } from '../../../src/instances/lastRecipient';
import { MapMemento } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };
const B = { baseUrl: 'https://api.example', key: 'megastart-b' };

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
