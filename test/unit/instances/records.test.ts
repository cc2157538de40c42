import * as assert from 'node:assert/strict';
import { Instances } from '../../../src/instances/instances';
import { RecordSpec } from '../../../src/instances/records';
import { MapMemento, MapSecrets } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };
const B = { baseUrl: 'https://api.example', key: 'megastart-b' };
const text = (key: string, onRemove: 'forget' | 'keep'): RecordSpec<string> => ({
  key,
  valid: (value): value is string => typeof value === 'string',
  onRemove,
});

describe('records kept per instance', () => {
  it('follow a renamed instance, and are forgotten or kept when it is removed, as each asks', async () => {
    const memento = new MapMemento();
    const instances = new Instances(memento, new MapSecrets());
    const forgotten = instances.record(text('test.forgotten', 'forget'));
    const kept = instances.record(text('test.kept', 'keep'));
    await instances.save(A);
    await forgotten.set(A, 'one');
    await kept.set(A, 'two');
    await instances.rename(A, B);
    assert.deepEqual([forgotten.get(A), kept.get(A)], [undefined, undefined]);
    assert.deepEqual([forgotten.get(B), kept.get(B)], ['one', 'two']);
    await instances.remove(B);
    assert.deepEqual([forgotten.get(B), kept.get(B)], [undefined, 'two']);
    assert.ok(!memento.synced.includes('test.kept'), 'records are never synced');
  });

  it('read an entry that is not what they keep as absent, and write nothing when nothing changes', async () => {
    const memento = new MapMemento();
    memento.values.set('test.r', { [`${A.baseUrl}|${A.key}`]: 42 });
    const record = new Instances(memento, new MapSecrets()).record(text('test.r', 'forget'));
    assert.equal(record.get(A), undefined);
    let writes = 0;
    const update = memento.update.bind(memento);
    memento.update = (key, value) => ((writes += 1), update(key, value));
    await record.forget(B);
    assert.equal(writes, 0);
  });

  it('drop stale entries when they write', async () => {
    const memento = new MapMemento();
    let now = 0;
    const instances = new Instances(memento, new MapSecrets(), () => now);
    const record = instances.record<number>({
      key: 'test.times',
      valid: (value): value is number => typeof value === 'number',
      onRemove: 'keep',
      stale: (at, at2) => at2 - at > 100,
    });
    await record.set(A, 0);
    now = 500;
    await record.set(B, 500);
    assert.deepEqual([record.get(A), record.get(B)], [undefined, 500]);
  });
});
