import { InstanceRef, sameInstance } from '../core/instanceRef';

export interface SavedInstance extends InstanceRef {
  lastUsed: number;
}

/** The slice of `vscode.Memento` (globalState) the list uses. */
export interface MementoLike {
  get<T>(key: string, defaultValue: T): T;
  update(key: string, value: unknown): Thenable<void>;
  setKeysForSync?(keys: readonly string[]): void;
}

/**
 * globalState key, stable: hosts and keys only, never tokens. It is synced by
 * Settings Sync, so the list follows the user to another machine, where each
 * instance waits for its token.
 */
export const SAVED_INSTANCES_KEY = 'megaapi.instances';
const MAX_SAVED = 200;

/** The instances the user has worked with; MegaAPI has no endpoint that lists them. */
export class SavedInstances {
  constructor(private readonly state: MementoLike) {
    state.setKeysForSync?.([SAVED_INSTANCES_KEY]);
  }

  /** Most recently used first; anything in the stored list that is not an instance is skipped. */
  all(): SavedInstance[] {
    const raw = this.state.get<unknown>(SAVED_INSTANCES_KEY, []);
    const list = Array.isArray(raw) ? raw.filter(isSavedInstance) : [];
    return list.sort((a, b) => b.lastUsed - a.lastUsed);
  }

  has(instance: InstanceRef): boolean {
    return this.all().some((saved) => sameInstance(saved, instance));
  }

  /**
   * Adds the instance at the top, or moves it there; false when it already was
   * the most recent. Then nothing is written: each write is a round trip to
   * the window (the page, in a browser) and, with Settings Sync, an upload.
   */
  async touch(instance: InstanceRef, now = Date.now()): Promise<boolean> {
    const list = this.all();
    if (list.length > 0 && sameInstance(list[0], instance)) return false;
    const rest = list.filter((saved) => !sameInstance(saved, instance));
    const entry = { baseUrl: instance.baseUrl, key: instance.key, lastUsed: now };
    await this.state.update(SAVED_INSTANCES_KEY, [entry, ...rest].slice(0, MAX_SAVED));
    return true;
  }

  /** Puts `to` where `from` was, keeping its place in the list. */
  async replace(from: InstanceRef, to: InstanceRef): Promise<void> {
    const list = this.all().filter((saved) => !sameInstance(saved, to));
    const next = list.map((saved) =>
      sameInstance(saved, from) ? { ...saved, baseUrl: to.baseUrl, key: to.key } : saved,
    );
    if (!next.some((saved) => sameInstance(saved, to))) {
      next.unshift({ baseUrl: to.baseUrl, key: to.key, lastUsed: Date.now() });
    }
    await this.state.update(SAVED_INSTANCES_KEY, next);
  }

  async remove(instance: InstanceRef): Promise<void> {
    const rest = this.all().filter((saved) => !sameInstance(saved, instance));
    await this.state.update(SAVED_INSTANCES_KEY, rest);
  }
}

function isSavedInstance(value: unknown): value is SavedInstance {
  const v = value as SavedInstance;
  return typeof v?.key === 'string' && typeof v.baseUrl === 'string' && typeof v.lastUsed === 'number';
}
