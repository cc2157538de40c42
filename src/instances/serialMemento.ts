import { MementoLike } from './savedInstances';

/**
 * globalState with one write on its way at a time. VS Code keeps all of an
 * extension's globalState keys in one blob, and the extension host replaces
 * its copy of that blob with the one the window echoes back after each
 * write. A second write sent before the first is echoed can be undone by
 * that echo: read back stale for a moment, or even lost when the blob is
 * flushed again. So writes wait for the previous one, and until a write has
 * landed, reading its key gives what was written, not what the blob says.
 */
export class SerialMemento implements MementoLike {
  private last: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<string, unknown>();

  constructor(private readonly inner: MementoLike) {}

  get<T>(key: string, defaultValue: T): T {
    if (!this.pending.has(key)) return this.inner.get(key, defaultValue);
    const value = this.pending.get(key);
    return value === undefined ? defaultValue : (value as T);
  }

  update(key: string, value: unknown): Promise<void> {
    this.pending.set(key, value);
    const write = this.last.then(() => this.inner.update(key, value));
    const settled = write.then(
      () => this.landed(key, value),
      () => this.landed(key, value),
    );
    this.last = settled;
    return Promise.resolve(write);
  }

  setKeysForSync(keys: readonly string[]): void {
    this.inner.setKeysForSync?.(keys);
  }

  /** A later write of the same key is still on its way: its value stays the one read. */
  private landed(key: string, value: unknown): void {
    if (this.pending.get(key) === value) this.pending.delete(key);
  }
}
