import { InstanceRef, instanceId } from '../core/instanceRef';
import { MementoLike } from './savedInstances';

/**
 * globalState key, stable: the last destination of a test message per
 * instance, so a second test is two keystrokes. Not synced (a phone number is
 * personal data), and never the text.
 */
const KEY = 'megaapi.lastRecipient';

export class LastRecipients {
  constructor(private readonly state: MementoLike) {}

  get(instance: InstanceRef): string | undefined {
    const value = this.all()[instanceId(instance)];
    // Parsed again by the prompt; this only keeps junk out of the input box.
    return typeof value === 'string' && value.length <= 64 ? value : undefined;
  }

  async set(instance: InstanceRef, to: string): Promise<void> {
    await this.state.update(KEY, { ...this.all(), [instanceId(instance)]: to });
  }

  async forget(instance: InstanceRef): Promise<void> {
    const next = { ...this.all() };
    if (!(instanceId(instance) in next)) return;
    delete next[instanceId(instance)];
    await this.state.update(KEY, next);
  }

  async move(from: InstanceRef, to: InstanceRef): Promise<void> {
    const last = this.get(from);
    await this.forget(from);
    if (last !== undefined) await this.set(to, last);
  }

  private all(): Record<string, unknown> {
    const raw = this.state.get<unknown>(KEY, {});
    return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  }
}
