import { InstanceRef, instanceId } from '../core/instanceRef';
import { MementoLike } from './savedInstances';

/** The part of a webhook a command changes and Restore puts back. */
export interface WebhookSetting {
  url: string;
  /** Undefined when MegaAPI did not say; Restore then leaves the flag alone. */
  enabled?: boolean;
}

export interface RememberedWebhook {
  /** What the webhook was before this machine first changed it. */
  previous: WebhookSetting;
  /** What this machine last wrote. */
  written: WebhookSetting;
  at: number;
}

export function sameSetting(a: WebhookSetting, b: WebhookSetting): boolean {
  return a.url === b.url && a.enabled === b.enabled;
}

/**
 * What to remember before writing `next` over `current`. A series of test
 * changes (set a test URL, disable it, set another) keeps the value from
 * before the first one, so Restore brings back production, not the previous
 * test. The series ends when someone else changed the webhook meanwhile (the
 * server no longer shows what was written: that is the new "before"), or when
 * the change puts the original back (nothing left to restore).
 */
export function rememberBefore(
  known: RememberedWebhook | undefined,
  current: WebhookSetting,
  next: WebhookSetting,
  now: number,
): RememberedWebhook | undefined {
  const previous = known && sameSetting(known.written, current) ? known.previous : current;
  if (sameSetting(previous, next)) return undefined;
  return { previous: { ...previous }, written: { ...next }, at: now };
}

/**
 * globalState key, stable. Not synced: the URL may carry the receiver's secret
 * in its query, and what was changed from this machine is this machine's
 * business. Keyed by host and instance key, like the saved list.
 */
const KEY = 'megaapi.webhookMemory';

/** The previous webhook of each instance, for Restore Previous Webhook. */
export class WebhookMemory {
  constructor(
    private readonly state: MementoLike,
    private readonly now: () => number = Date.now,
  ) {}

  get(instance: InstanceRef): RememberedWebhook | undefined {
    const entry = this.all()[instanceId(instance)];
    return isRemembered(entry) ? entry : undefined;
  }

  /** Call before writing `next`, with what the server showed just before. */
  async beforeChange(instance: InstanceRef, current: WebhookSetting, next: WebhookSetting): Promise<void> {
    await this.put(instance, rememberBefore(this.get(instance), current, next, this.now()));
  }

  async forget(instance: InstanceRef): Promise<void> {
    await this.put(instance, undefined);
  }

  /**
   * What the server shows after a write, when it differs from what was sent
   * (a URL normalised, a flag ignored): the next change compares against
   * this, so it still counts as the same series and keeps the original.
   */
  async readBack(instance: InstanceRef, shown: WebhookSetting): Promise<void> {
    const entry = this.get(instance);
    if (entry) await this.put(instance, { ...entry, written: { ...shown } });
  }

  /** Puts back what `get` returned, when the change it was remembered for did not happen. */
  async undo(instance: InstanceRef, before: RememberedWebhook | undefined): Promise<void> {
    await this.put(instance, before);
  }

  async move(from: InstanceRef, to: InstanceRef): Promise<void> {
    const entry = this.get(from);
    await this.put(from, undefined);
    if (entry) await this.put(to, entry);
  }

  private all(): Record<string, unknown> {
    const raw = this.state.get<unknown>(KEY, {});
    return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  }

  private async put(instance: InstanceRef, entry: RememberedWebhook | undefined): Promise<void> {
    const next = { ...this.all() };
    const id = instanceId(instance);
    if (entry) next[id] = entry;
    else if (id in next) delete next[id];
    else return;
    await this.state.update(KEY, next);
  }
}

function isSetting(value: unknown): value is WebhookSetting {
  const v = value as WebhookSetting;
  return typeof v?.url === 'string' && (v.enabled === undefined || typeof v.enabled === 'boolean');
}

function isRemembered(value: unknown): value is RememberedWebhook {
  const v = value as RememberedWebhook;
  return isSetting(v?.previous) && isSetting(v.written) && typeof v.at === 'number';
}
