import { InstanceRef } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { InstanceRecords, RecordSpec } from '../instances/records';
import { InstanceMarks } from '../ui/instanceMarks';

interface Muted {
  at: number;
}

/** globalState, never synced: whether alerts are wanted is a choice made on this machine. */
export const MUTED_SPEC: RecordSpec<Muted> = {
  key: 'megaapi.watch.muted',
  valid: (value): value is Muted =>
    value !== null && typeof value === 'object' && typeof (value as { at?: unknown }).at === 'number',
  onRemove: 'forget',
};

/** Which instances never notify; the sidebar shows them as muted. */
export class Mutes implements InstanceMarks {
  private readonly records: InstanceRecords<Muted>;
  private readonly listeners = new Set<() => void>();

  constructor(instances: Instances) {
    this.records = instances.record(MUTED_SPEC);
  }

  muted(instance: InstanceRef): boolean {
    return this.records.get(instance) !== undefined;
  }

  async set(instance: InstanceRef, muted: boolean): Promise<void> {
    await this.records.set(instance, muted ? { at: Date.now() } : undefined);
    for (const listener of [...this.listeners]) listener();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
