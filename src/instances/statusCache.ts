import { ApiError, ApiResult } from '../api/errors';
import { InstanceStatus } from '../api/replies';
import { InstanceRef, instanceId } from '../core/instanceRef';

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

/** A missing token is a state of its own: it needs Set Token, not a retry. */
export function entryFromResult(result: ApiResult<InstanceStatus>): StatusEntry {
  if (result.ok) return entryFromStatus(result.value);
  return result.error.kind === 'noToken' ? { kind: 'noToken' } : { kind: 'error', error: result.error };
}

interface Known {
  entry: StatusEntry;
  /** The last answer, kept while a new check runs. */
  settled?: StatusEntry;
  /** When the answer arrived; kept while a new check runs, so the tooltip stays honest. */
  checkedAt?: number;
}

/** The last known state per instance, shared by the tree, the panels and the badge. */
export class StatusCache {
  private readonly entries = new Map<string, Known>();

  constructor(private readonly now: () => number = Date.now) {}

  get(instance: InstanceRef): StatusEntry | undefined {
    return this.entries.get(instanceId(instance))?.entry;
  }

  /** The last answer, even while the instance is being checked again. */
  settled(instance: InstanceRef): StatusEntry | undefined {
    return this.entries.get(instanceId(instance))?.settled;
  }

  /** When the last answer (not the last attempt) arrived. */
  checkedAt(instance: InstanceRef): number | undefined {
    return this.entries.get(instanceId(instance))?.checkedAt;
  }

  /** `at` is when the answer arrived, for one learnt earlier (a past session, another window); now by default. */
  set(instance: InstanceRef, entry: StatusEntry, at?: number): void {
    const id = instanceId(instance);
    const known = this.entries.get(id);
    const checking = entry.kind === 'checking';
    const checkedAt = checking ? known?.checkedAt : (at ?? this.now());
    this.entries.set(id, { entry, checkedAt, settled: checking ? known?.settled : entry });
  }

  delete(instance: InstanceRef): boolean {
    return this.entries.delete(instanceId(instance));
  }

  /** Moves what is known to a renamed instance. */
  move(from: InstanceRef, to: InstanceRef): void {
    const known = this.entries.get(instanceId(from));
    this.entries.delete(instanceId(from));
    if (known) this.entries.set(instanceId(to), known);
  }
}
