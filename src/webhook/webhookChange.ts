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
  write(change: WebhookChange): Promise<Answered<string>>;
  read(): Promise<Answered<Webhook>>;
}

/** How a change ended; every branch but `failed` left the new setting on the server as far as anyone can tell. */
export type ChangeOutcome =
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
 */
export async function changeWebhook(
  instance: InstanceRef,
  read: Webhook,
  change: WebhookChange,
  calls: WebhookCalls,
  memory: WebhookMemory,
): Promise<ChangeOutcome> {
  const before = memory.get(instance);
  const next: WebhookSetting = { url: change.url, enabled: change.enabled ?? read.enabled };
  await memory.beforeChange(instance, settingOf(read), next);
  const write = await calls.write(change);
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
