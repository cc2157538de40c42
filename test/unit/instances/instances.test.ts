import * as assert from 'node:assert/strict';
import { Instances } from '../../../src/instances/instances';
import { MapMemento, MapSecrets } from '../support';

describe('the saved instances list', () => {
  const a = { baseUrl: 'https://api.example.com', key: 'megastart-a' };
  const b = { baseUrl: 'https://api.example.com', key: 'megastart-b' };

  it('puts the instance used last on top, and writes nothing when it already is', async () => {
    const memento = new MapMemento();
    let writes = 0;
    const update = memento.update.bind(memento);
    memento.update = (key, value) => {
      writes++;
      return update(key, value);
    };
    const store = new Instances(memento, new MapSecrets());
    const saved: string[] = [];
    store.onDidChange((c) => c.kind === 'saved' && saved.push(c.instance.key));
    await store.save(a);
    await store.save(b);
    assert.deepEqual(
      store.all().map((i) => i.key),
      ['megastart-b', 'megastart-a'],
    );
    await store.save(b);
    await store.save(b);
    assert.equal(writes, 2, 'using the top instance again is not a write (nor a Settings Sync upload)');
    await store.save(a);
    assert.deepEqual(
      store.all().map((i) => i.key),
      ['megastart-a', 'megastart-b'],
    );
    assert.deepEqual(saved, ['megastart-a', 'megastart-b', 'megastart-a']);
  });
});
