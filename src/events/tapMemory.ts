import { InstanceRef, sameInstance } from '../core/instanceRef';
import { SecretsLike } from '../instances/tokenStore';
import { TapRecord } from './tapPlan';

/**
 * SecretStorage key, stable. The taps in place, so that a window closed while
 * listening can put the webhook back at the next start. SecretStorage, not
 * globalState: webhook URLs often carry the customer's receiver secret in
 * their query, and SecretStorage stays on this machine, never synced.
 */
export const TAP_MEMORY_KEY = 'megaapi.events.taps';

export class TapMemory {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly secrets: SecretsLike) {}

  async all(): Promise<TapRecord[]> {
    try {
      const raw = await this.secrets.get(TAP_MEMORY_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter(isRecord) : [];
    } catch {
      // No keyring (Linux without one) or a damaged entry: nothing to offer, nothing to break.
      return [];
    }
  }

  get(instance: InstanceRef): Promise<TapRecord | undefined> {
    return this.all().then((records) => records.find((r) => sameInstance(r.instance, instance)));
  }

  set(record: TapRecord): Promise<void> {
    return this.change((records) => [...records.filter((r) => !sameInstance(r.instance, record.instance)), record]);
  }

  forget(instance: InstanceRef): Promise<void> {
    return this.change((records) => records.filter((r) => !sameInstance(r.instance, instance)));
  }

  /** One change at a time: two instances stopping at once must not drop each other's record. */
  private change(edit: (records: TapRecord[]) => TapRecord[]): Promise<void> {
    const next = this.queue.then(async () => {
      const records = edit(await this.all());
      try {
        if (records.length === 0) await this.secrets.delete(TAP_MEMORY_KEY);
        else await this.secrets.store(TAP_MEMORY_KEY, JSON.stringify(records));
      } catch {
        // Without a keyring the tap cannot be remembered across windows; Stop in this window still works.
      }
    });
    this.queue = next.then(undefined, () => undefined);
    return next;
  }
}

function isRecord(value: unknown): value is TapRecord {
  const r = value as TapRecord;
  return (
    typeof r?.instance?.baseUrl === 'string' &&
    typeof r.instance.key === 'string' &&
    (r.mode === 'secondary' || r.mode === 'primary') &&
    typeof r.before === 'object' &&
    r.before !== null &&
    typeof r.written === 'object' &&
    r.written !== null &&
    typeof r.at === 'number'
  );
}
