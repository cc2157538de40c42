import { ApiError, ApiResult } from '../api/errors';
import { Webhook } from '../api/webhook';
import { InstanceRef, instanceId } from '../core/instanceRef';

export type WebhookRead =
  { kind: 'read'; webhook: Webhook; at: number } | { kind: 'error'; error: ApiError; at: number };

/**
 * The last read of each instance's webhook, for the sidebar. A second look
 * while a read runs joins it; `forget` makes the next look read again, and a
 * read that was running when it was forgotten is not kept, so a refresh never
 * shows an answer from before it.
 */
export class WebhookReads {
  private readonly known = new Map<string, WebhookRead>();
  private readonly running = new Map<string, Promise<WebhookRead>>();

  constructor(
    private readonly read: (instance: InstanceRef) => Promise<ApiResult<Webhook>>,
    private readonly now: () => number = Date.now,
  ) {}

  get(instance: InstanceRef): Promise<WebhookRead> {
    const id = instanceId(instance);
    const known = this.known.get(id);
    if (known) return Promise.resolve(known);
    let pending = this.running.get(id);
    if (!pending) {
      pending = this.fetch(instance).then((read) => {
        if (this.running.get(id) === pending) {
          this.running.delete(id);
          this.known.set(id, read);
        }
        return read;
      });
      this.running.set(id, pending);
    }
    return pending;
  }

  /** What a command just read itself (a change's read-back): kept as if read here, so the tree need not ask again. */
  set(instance: InstanceRef, webhook: Webhook): void {
    const id = instanceId(instance);
    this.running.delete(id);
    this.known.set(id, { kind: 'read', webhook, at: this.now() });
  }

  /** How long ago the kept answer arrived; undefined when there is none. */
  ageMs(instance: InstanceRef): number | undefined {
    const known = this.known.get(instanceId(instance));
    return known && this.now() - known.at;
  }

  /** One instance, or all of them. */
  forget(instance?: InstanceRef): void {
    if (!instance) {
      this.known.clear();
      this.running.clear();
      return;
    }
    this.known.delete(instanceId(instance));
    this.running.delete(instanceId(instance));
  }

  private async fetch(instance: InstanceRef): Promise<WebhookRead> {
    try {
      const result = await this.read(instance);
      return result.ok
        ? { kind: 'read', webhook: result.value, at: this.now() }
        : { kind: 'error', error: result.error, at: this.now() };
    } catch (thrown) {
      const detail = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
      return { kind: 'error', error: { kind: 'internal', detail }, at: this.now() };
    }
  }
}
