import { ApiError } from '../api/errors';
import { Answered, RawReply } from '../api/rawReply';
import { Webhook, WebhookChange } from '../api/webhook';
import { InstanceRef } from '../core/instanceRef';
import { WebhookMemory, WebhookSetting, sameSetting } from './webhookMemory';

export function settingOf(webhook: Webhook): WebhookSetting {
  return { url: webhook.url, enabled: webhook.enabled };
}

/** The two calls a change makes, bound to one instance. */
export interface WebhookCalls {
  /** Writes `change`, every other field sent back as `over` has it. */
  write(change: WebhookChange, over: Webhook): Promise<Answered<string>>;
  read(): Promise<Answered<Webhook>>;
}

/**
 * Asked when the webhook changed elsewhere (another window, the MegaAPI
 * panel, another tool writing the secondary URL) between the read the user
 * decided on and the write: true writes over what is there now.
 */
export type ConfirmChanged = (now: Webhook) => Promise<boolean>;

/** Whether two reads show the same configuration, every field included. */
export function sameWebhook(a: Webhook, b: Webhook): boolean {
  return a.url === b.url && a.enabled === b.enabled && stable(a.fields) === stable(b.fields);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${stable(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** How a change ended; every branch but `failed` left the new setting on the server as far as anyone can tell. */
export type ChangeOutcome =
  /** The webhook changed elsewhere since it was read, and the user chose not to write over it. Nothing was written. */
  | { kind: 'declined'; now: Webhook }
  /** The write was refused or never arrived: the memory is as it was before. */
  | { kind: 'failed'; error: ApiError; reply?: RawReply }
  /** The write was accepted, but the webhook could not be read back to confirm it. */
  | { kind: 'unconfirmed'; next: WebhookSetting; reply?: RawReply }
  /** Read back, it is not what was written (a URL normalised, a flag ignored). */
  | { kind: 'differs'; next: WebhookSetting; back: Webhook; reply?: RawReply }
  | { kind: 'changed'; next: WebhookSetting; back: Webhook };

/**
 * Writes `change` over what was read (every other field sent back as read),
 * remembering the previous setting first, then reads the webhook back:
 * MegaAPI answering "ok" is not proof that the URL took. A write that fails
 * undoes the memory, so Restore never offers a change that did not happen.
 *
 * Right before writing, the webhook is read again: the user may have spent
 * a minute in the input box or the Restore modal, and a write built on that
 * old read would silently put back what someone changed meanwhile (the
 * secondary URL, the flag). When it changed, `confirmChanged` asks; the write
 * then goes over what is there now.
 */
export async function changeWebhook(
  instance: InstanceRef,
  decidedOn: Webhook,
  change: WebhookChange,
  calls: WebhookCalls,
  memory: WebhookMemory,
  confirmChanged: ConfirmChanged = () => Promise.resolve(false),
): Promise<ChangeOutcome> {
  const again = await calls.read();
  if (!again.result.ok) return { kind: 'failed', error: again.result.error, reply: again.reply };
  const read = again.result.value;
  if (!sameWebhook(decidedOn, read) && !(await confirmChanged(read))) return { kind: 'declined', now: read };
  const before = await memory.get(instance);
  const next: WebhookSetting = { url: change.url, enabled: change.enabled ?? read.enabled };
  await memory.beforeChange(instance, settingOf(read), next);
  const write = await calls.write(change, read);
  if (!write.result.ok) {
    await memory.undo(instance, before);
    return { kind: 'failed', error: write.result.error, reply: write.reply };
  }
  const back = await calls.read();
  if (!back.result.ok) return { kind: 'unconfirmed', next, reply: back.reply ?? write.reply };
  const now = settingOf(back.result.value);
  if (sameSetting(now, next)) return { kind: 'changed', next, back: back.result.value };
  await memory.readBack(instance, now);
  return { kind: 'differs', next, back: back.result.value, reply: back.reply };
}
