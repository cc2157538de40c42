import { MementoLike } from '../instances/savedInstances';
import { Lease, LeaseStore } from './scheduler';

/** globalState key, stable; never synced: the windows that share it are on this machine. */
export const LEASE_KEY = 'megaapi.watch.lease';

/**
 * The last sweep, in globalState, which every window of this machine shares:
 * a focused window sweeps only when no window swept within the interval.
 */
export function leaseStore(state: MementoLike): LeaseStore {
  return {
    read: () => {
      const raw = state.get<unknown>(LEASE_KEY, undefined);
      if (raw === null || typeof raw !== 'object') return undefined;
      const { owner, at } = raw as Record<string, unknown>;
      return typeof owner === 'string' && typeof at === 'number' && Number.isFinite(at) ? { owner, at } : undefined;
    },
    write: (lease: Lease) => void Promise.resolve(state.update(LEASE_KEY, lease)).catch(() => undefined),
  };
}
