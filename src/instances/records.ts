import { InstanceRef, instanceId } from '../core/instanceRef';
import { MementoLike } from './savedInstances';

/** What one kind of per-instance record is, and how it behaves when its instance changes. */
export interface RecordSpec<T> {
  /** globalState key, stable. Never synced: what is kept here is about this machine. */
  key: string;
  /** The stored map is input like any other: an entry that is not a `T` reads as absent. */
  valid(value: unknown): value is T;
  /**
   * Whether removing the instance forgets its record. Some records outlive
   * the entry in the list: the webhook from before a change is the
   * customer's production setting, and adding the instance again must still
   * be able to put it back.
   */
  onRemove: 'forget' | 'keep';
  /** Entries this calls stale are dropped whenever the map is written. */
  stale?(value: T, now: number): boolean;
}

/**
 * One value per instance in globalState, keyed like the saved list. Made
 * through `Instances.record`, which moves it when the instance is renamed and
 * forgets it when the instance is removed, so no feature follows those by hand.
 */
export class InstanceRecords<T> {
  constructor(
    private readonly state: MementoLike,
    private readonly spec: RecordSpec<T>,
    private readonly now: () => number = Date.now,
  ) {}

  get(instance: InstanceRef): T | undefined {
    const value = this.all()[instanceId(instance)];
    return this.spec.valid(value) ? value : undefined;
  }

  /** Undefined forgets. Forgetting what is not there writes nothing: each write is a round trip to the window. */
  async set(instance: InstanceRef, value: T | undefined): Promise<void> {
    const id = instanceId(instance);
    const current = this.all();
    if (value === undefined && !(id in current)) return;
    const next = this.fresh(current);
    if (value === undefined) delete next[id];
    else next[id] = value;
    await this.state.update(this.spec.key, next);
  }

  /** Several instances in one write: one round trip to the window however many changed. */
  async setMany(values: Array<[InstanceRef, T | undefined]>): Promise<void> {
    if (values.length === 0) return;
    const next = this.fresh(this.all());
    for (const [instance, value] of values) {
      if (value === undefined) delete next[instanceId(instance)];
      else next[instanceId(instance)] = value;
    }
    await this.state.update(this.spec.key, next);
  }

  forget(instance: InstanceRef): Promise<void> {
    return this.set(instance, undefined);
  }

  async move(from: InstanceRef, to: InstanceRef): Promise<void> {
    const value = this.get(from);
    await this.forget(from);
    if (value !== undefined) await this.set(to, value);
  }

  /** Every valid entry, with the instance it belongs to (for one-time migrations). */
  entries(): Array<[InstanceRef, T]> {
    const found: Array<[InstanceRef, T]> = [];
    for (const [id, value] of Object.entries(this.all())) {
      const bar = id.lastIndexOf('|');
      if (bar <= 0 || !this.spec.valid(value)) continue;
      found.push([{ baseUrl: id.slice(0, bar), key: id.slice(bar + 1) }, value]);
    }
    return found;
  }

  /** For `Instances`, when the instance leaves the list. */
  removed(instance: InstanceRef): Promise<void> {
    return this.spec.onRemove === 'forget' ? this.forget(instance) : Promise.resolve();
  }

  private all(): Record<string, unknown> {
    const raw = this.state.get<unknown>(this.spec.key, {});
    return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  }

  private fresh(current: Record<string, unknown>): Record<string, unknown> {
    const spec = this.spec;
    if (!spec.stale) return { ...current };
    const now = this.now();
    return Object.fromEntries(
      Object.entries(current).filter(([, value]) => spec.valid(value) && !spec.stale?.(value, now)),
    );
  }
}
