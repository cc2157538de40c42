import * as assert from 'node:assert/strict';
import { SerialMemento } from '../../../src/instances/serialMemento';
import { flush } from '../support';

/** globalState as VS Code's extension host behaves: each write lands when the test says so. */
class SlowMemento {
  readonly values = new Map<string, unknown>();
  readonly sent: Array<{ key: string; value: unknown; land(): void }> = [];
  synced: readonly string[] = [];
  get<T>(key: string, defaultValue: T): T {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  update(key: string, value: unknown): Promise<void> {
    return new Promise((resolve) => {
      this.sent.push({
        key,
        value,
        land: () => {
          this.values.set(key, value);
          resolve();
        },
      });
    });
  }
  setKeysForSync(keys: readonly string[]): void {
    this.synced = keys;
  }
}

describe('globalState, one write at a time', () => {
  it('sends a write only once the one before it has landed, in order', async () => {
    const inner = new SlowMemento();
    const memento = new SerialMemento(inner);
    const first = memento.update('megaapi.instances', ['a', 'b']);
    const second = memento.update('megaapi.instances', ['b']);
    await flush();
    assert.deepEqual(
      inner.sent.map((w) => w.value),
      [['a', 'b']],
    );
    inner.sent[0].land();
    await first;
    await flush();
    assert.deepEqual(
      inner.sent.map((w) => w.value),
      [['a', 'b'], ['b']],
    );
    inner.sent[1].land();
    await second;
    assert.deepEqual(inner.get('megaapi.instances', []), ['b']);
  });

  it('reads what was written while it is on its way, then what landed', async () => {
    const inner = new SlowMemento();
    inner.values.set('k', 'old');
    const memento = new SerialMemento(inner);
    const write = memento.update('k', 'new');
    assert.equal(memento.get('k', 'none'), 'new');
    await flush();
    inner.sent[0].land();
    await write;
    assert.equal(memento.get('k', 'none'), 'new');
    inner.values.set('k', 'from another window');
    assert.equal(memento.get('k', 'none'), 'from another window');
  });

  it('keeps going after a write that fails, and says it failed', async () => {
    const failing = {
      calls: 0,
      get: <T>(_key: string, d: T) => d,
      update(): Promise<void> {
        this.calls += 1;
        return this.calls === 1 ? Promise.reject(new Error('storage closed')) : Promise.resolve();
      },
    };
    const memento = new SerialMemento(failing);
    await assert.rejects(memento.update('k', 1), /storage closed/);
    await memento.update('k', 2);
    assert.equal(failing.calls, 2);
  });

  it('passes the keys to sync on', () => {
    const inner = new SlowMemento();
    new SerialMemento(inner).setKeysForSync(['megaapi.instances']);
    assert.deepEqual(inner.synced, ['megaapi.instances']);
  });
});
