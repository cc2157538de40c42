import { ApiError } from '../api/errors';
import { InstanceStatus } from '../api/responses';
import { InstanceRef, instanceId } from '../instance';

/** What the sidebar last learned about an instance's link to WhatsApp. */
export type StatusEntry =
  | { kind: 'checking' }
  | { kind: 'connected'; status: InstanceStatus }
  | { kind: 'disconnected'; status: InstanceStatus }
  | { kind: 'noToken' }
  | { kind: 'error'; error: ApiError };

export function entryFromStatus(status: InstanceStatus): StatusEntry {
  return status.connected ? { kind: 'connected', status } : { kind: 'disconnected', status };
}

/** The last known state per instance, shared by the tree and the QR panels. */
export class StatusCache {
  private readonly entries = new Map<string, StatusEntry>();
  private readonly listeners = new Set<() => void>();

  get(instance: InstanceRef): StatusEntry | undefined {
    return this.entries.get(instanceId(instance));
  }

  set(instance: InstanceRef, entry: StatusEntry): void {
    this.entries.set(instanceId(instance), entry);
    this.fire();
  }

  delete(instance: InstanceRef): void {
    if (this.entries.delete(instanceId(instance))) this.fire();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
