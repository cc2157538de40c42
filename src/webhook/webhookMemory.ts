import { InstanceRef } from '../core/instanceRef';
import { RecordSpec } from '../instances/records';

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
 * Where the remembered webhook is kept, per instance. The URL may carry the
 * receiver's secret (in its query or its path), so it lives in SecretStorage
 * (`SecretRecords`, under {@link WEBHOOK_MEMORY_SECRET}); globalState keeps
 * only a random id (under {@link WEBHOOK_MEMORY_REF}). Not synced: what was
 * changed from this machine is this machine's business. Kept when the
 * instance is removed (the webhook feature then asks whether to forget it).
 */
export interface RememberedStore {
  get(instance: InstanceRef): RememberedWebhook | undefined | Promise<RememberedWebhook | undefined>;
  set(instance: InstanceRef, value: RememberedWebhook | undefined): Promise<void>;
  forget(instance: InstanceRef): Promise<void>;
}

/** globalState key of the id that points at the secret, stable. */
export const WEBHOOK_MEMORY_REF = 'megaapi.webhookMemoryRef';
/** SecretStorage prefix of the remembered webhooks, stable. */
export const WEBHOOK_MEMORY_SECRET = 'megaapi.webhookMemory';

/**
 * The globalState key where versions up to this one kept the remembered
 * webhook in plain text; read only to move it into SecretStorage once.
 */
export const WEBHOOK_MEMORY: RecordSpec<RememberedWebhook> = {
  key: 'megaapi.webhookMemory',
  valid: isRemembered,
  onRemove: 'keep',
};

/** The previous webhook of each instance, for Restore Previous Webhook. */
export class WebhookMemory {
  constructor(
    private readonly records: RememberedStore,
    private readonly now: () => number = Date.now,
  ) {}

  async get(instance: InstanceRef): Promise<RememberedWebhook | undefined> {
    return this.records.get(instance);
  }

  /** Call before writing `next`, with what the server showed just before. */
  async beforeChange(instance: InstanceRef, current: WebhookSetting, next: WebhookSetting): Promise<void> {
    await this.records.set(instance, rememberBefore(await this.get(instance), current, next, this.now()));
  }

  async forget(instance: InstanceRef): Promise<void> {
    await this.records.forget(instance);
  }

  /**
   * What the server shows after a write, when it differs from what was sent
   * (a URL normalised, a flag ignored): the next change compares against
   * this, so it still counts as the same series and keeps the original.
   */
  async readBack(instance: InstanceRef, shown: WebhookSetting): Promise<void> {
    const entry = await this.get(instance);
    if (entry) await this.records.set(instance, { ...entry, written: { ...shown } });
  }

  /** Puts back what `get` returned, when the change it was remembered for did not happen. */
  async undo(instance: InstanceRef, before: RememberedWebhook | undefined): Promise<void> {
    await this.records.set(instance, before);
  }
}

function isSetting(value: unknown): value is WebhookSetting {
  const v = value as WebhookSetting;
  return typeof v?.url === 'string' && (v.enabled === undefined || typeof v.enabled === 'boolean');
}

export function isRemembered(value: unknown): value is RememberedWebhook {
  const v = value as RememberedWebhook;
  return isSetting(v?.previous) && isSetting(v.written) && typeof v.at === 'number';
}
