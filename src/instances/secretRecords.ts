import { InstanceRef } from '../core/instanceRef';
import { InstanceRecords, RecordSpec } from './records';
import { SecretsLike } from './tokenStore';

/** What globalState keeps for a secret record: where the value is, never the value. */
export interface SecretRecordRef {
  id: string;
  at: number;
}

export function secretRecordRefSpec(key: string, onRemove: 'forget' | 'keep'): RecordSpec<SecretRecordRef> {
  return {
    key,
    onRemove,
    valid: (value): value is SecretRecordRef => {
      const v = value as SecretRecordRef;
      return typeof v?.id === 'string' && /^[a-z0-9]{8,40}$/.test(v.id) && typeof v.at === 'number';
    },
  };
}

/**
 * One value per instance kept in SecretStorage (never synced, encrypted by
 * the OS keyring), for values that may carry a secret, such as a webhook URL
 * with its receiver's token. globalState keeps only a random id per instance
 * (`refs`), so the record still follows renames and removal like any
 * `InstanceRecords`. When the keyring is missing the value is kept in memory
 * for this session.
 *
 * `legacy` is where an older version kept the values in plain globalState:
 * `migrate` moves every entry out of it once, and deletes it.
 */
export class SecretRecords<T> {
  private readonly memory = new Map<string, T>();

  constructor(
    private readonly refs: InstanceRecords<SecretRecordRef>,
    private readonly secrets: SecretsLike,
    private readonly prefix: string,
    private readonly valid: (value: unknown) => value is T,
    private readonly legacy?: InstanceRecords<T>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(instance: InstanceRef): Promise<T | undefined> {
    await this.migrateOne(instance);
    const ref = this.refs.get(instance);
    if (!ref) return undefined;
    if (this.memory.has(ref.id)) return this.memory.get(ref.id);
    let text: string | undefined;
    try {
      text = await this.secrets.get(this.secretId(ref.id));
    } catch {
      return undefined;
    }
    try {
      const value: unknown = text === undefined ? undefined : JSON.parse(text);
      return this.valid(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether a value is recorded, without reading the keyring. */
  has(instance: InstanceRef): boolean {
    return this.refs.get(instance) !== undefined || this.legacy?.get(instance) !== undefined;
  }

  async set(instance: InstanceRef, value: T | undefined): Promise<void> {
    await this.migrateOne(instance);
    const ref = this.refs.get(instance);
    if (value === undefined) {
      if (!ref) return;
      this.memory.delete(ref.id);
      await this.refs.forget(instance);
      await Promise.resolve(this.secrets.delete(this.secretId(ref.id))).catch(() => undefined);
      return;
    }
    const id = ref?.id ?? randomId();
    try {
      await this.secrets.store(this.secretId(id), JSON.stringify(value));
      this.memory.delete(id);
    } catch {
      this.memory.set(id, value);
    }
    await this.refs.set(instance, { id, at: this.now() });
  }

  forget(instance: InstanceRef): Promise<void> {
    return this.set(instance, undefined);
  }

  /** Moves every value an older version kept in globalState into SecretStorage, then deletes it there. */
  async migrate(): Promise<void> {
    if (!this.legacy) return;
    for (const [instance] of this.legacy.entries()) await this.migrateOne(instance);
  }

  private async migrateOne(instance: InstanceRef): Promise<void> {
    const old = this.legacy?.get(instance);
    if (old === undefined) return;
    // Forgotten in globalState first: a second caller must not migrate it twice.
    await this.legacy?.forget(instance);
    if (!this.refs.get(instance)) await this.set(instance, old);
  }

  private secretId(id: string): string {
    return `${this.prefix}/${id}`;
  }
}

function randomId(): string {
  let id = '';
  while (id.length < 24) id += Math.random().toString(36).slice(2);
  return id.slice(0, 24);
}
