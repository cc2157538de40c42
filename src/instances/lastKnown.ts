import { ApiError } from '../api/errors';
import { InstanceStatus, InstanceUser } from '../api/replies';
import { Clock, TimerSlot, systemClock } from '../core/clock';
import { InstanceRef, instanceId } from '../core/instanceRef';
import { Instances } from './instances';
import { InstanceRecords, RecordSpec } from './records';
import { StatusEntry } from './statusCache';

/** An answer worth keeping: a link state, or a failure that lasts until the user acts. */
export type KeptEntry =
  | { kind: 'connected' | 'disconnected'; status: InstanceStatus }
  | { kind: 'noToken' }
  | { kind: 'error'; error: Extract<ApiError, { kind: 'unauthorized' | 'notFound' | 'unreachable' }> };

export interface KnownState {
  entry: KeptEntry;
  /** Epoch ms of the answer. */
  at: number;
}

/** A month-old state says little; it is dropped at the next write. */
const KEPT_FOR_MS = 30 * 24 * 60 * 60_000;
/** Answers this close together are written once. */
const GATHER_MS = 1000;

const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown) => value === undefined || isText(value);

function isUser(value: unknown): value is InstanceUser {
  if (value === undefined) return true;
  if (value === null || typeof value !== 'object') return false;
  const user = value as Record<string, unknown>;
  return isText(user.id) && isOptionalText(user.name) && isOptionalText(user.verifiedName);
}

function isKept(value: unknown): value is KeptEntry {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  if (entry.kind === 'noToken') return true;
  if (entry.kind === 'connected' || entry.kind === 'disconnected') {
    const status = entry.status as Record<string, unknown> | null | undefined;
    return (
      typeof status === 'object' &&
      status !== null &&
      isText(status.status) &&
      status.connected === (entry.kind === 'connected') &&
      isUser(status.user)
    );
  }
  if (entry.kind !== 'error' || entry.error === null || typeof entry.error !== 'object') return false;
  const error = entry.error as Record<string, unknown>;
  if (error.kind === 'unauthorized' || error.kind === 'notFound') return typeof error.status === 'number';
  return error.kind === 'unreachable' && isText(error.code);
}

/** globalState, never synced: what this machine last heard of each instance. */
export const LAST_KNOWN_SPEC: RecordSpec<KnownState> = {
  key: 'megaapi.lastKnownStates',
  valid: (value): value is KnownState => {
    if (value === null || typeof value !== 'object') return false;
    const known = value as Record<string, unknown>;
    return typeof known.at === 'number' && Number.isFinite(known.at) && isKept(known.entry);
  },
  onRemove: 'forget',
  stale: (value, now) => now - value.at > KEPT_FOR_MS,
};

/** The part of a state worth keeping, without fields a future reply may add. */
export function keptEntry(entry: StatusEntry | undefined): KeptEntry | undefined {
  switch (entry?.kind) {
    case 'connected':
    case 'disconnected': {
      const { status, connected, user } = entry.status;
      const kept: InstanceStatus = { status: status.slice(0, 200), connected };
      if (user) kept.user = { id: user.id, name: user.name, verifiedName: user.verifiedName };
      return { kind: entry.kind, status: kept };
    }
    case 'noToken':
      return { kind: 'noToken' };
    case 'error': {
      const error = entry.error;
      if (error.kind === 'unauthorized' || error.kind === 'notFound') return { kind: 'error', error: { ...error } };
      if (error.kind === 'unreachable' || error.kind === 'network') {
        return { kind: 'error', error: { kind: 'unreachable', code: String(error.code).slice(0, 40) } };
      }
      if (error.kind === 'timeout') return { kind: 'error', error: { kind: 'unreachable', code: 'ETIMEDOUT' } };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Each instance's last known state, kept on this machine with its time: the
 * sidebar opens on it instead of a blank list, and every window learns what
 * the window that sweeps heard (globalState is shared by the windows).
 */
export class LastKnownStates {
  private readonly records: InstanceRecords<KnownState>;
  private readonly pending = new Map<string, InstanceRef>();
  private readonly timer: TimerSlot;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly instances: Instances,
    clock: Clock = systemClock,
  ) {
    this.records = instances.record(LAST_KNOWN_SPEC);
    this.timer = new TimerSlot(clock);
    this.subscription = instances.onDidChange((change) => {
      if (change.kind !== 'status') return;
      this.pending.set(instanceId(change.instance), change.instance);
      if (!this.timer.active) this.timer.set(GATHER_MS, () => void this.write());
    });
  }

  get(instance: InstanceRef): KnownState | undefined {
    return this.records.get(instance);
  }

  /** Takes every kept state newer than this window's; true when one was taken. */
  adopt(): boolean {
    let taken = false;
    for (const saved of this.instances.all()) {
      const known = this.records.get(saved);
      if (known && this.instances.restoreStatus(saved, known.entry, known.at)) taken = true;
    }
    return taken;
  }

  dispose(): void {
    this.timer.clear();
    this.subscription.dispose();
    void this.write();
  }

  private async write(): Promise<void> {
    const changes: Array<[InstanceRef, KnownState]> = [];
    for (const instance of this.pending.values()) {
      const entry = keptEntry(this.instances.status(instance));
      const at = this.instances.checkedAt(instance);
      // What was just adopted from the record is not written back.
      const adopted = this.records.get(instance)?.at === at;
      if (!entry || at === undefined || adopted || !this.instances.has(instance)) continue;
      changes.push([instance, { entry, at }]);
    }
    this.pending.clear();
    await this.records.setMany(changes).catch(() => undefined);
  }
}
