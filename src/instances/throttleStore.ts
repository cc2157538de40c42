import { ThrottleStore } from '../core/throttle';
import { MementoLike } from './savedInstances';

/** globalState key: when each instance last got a pairing code. Not synced: it is about this machine's WhatsApp limit. */
const KEY = 'megaapi.pairingIssuedAt';

/** A throttle store in globalState, which every VS Code window of this profile shares. */
export function globalThrottleStore(state: MementoLike): ThrottleStore {
  const read = (): Record<string, number> => {
    const raw = state.get<unknown>(KEY, {});
    return raw !== null && typeof raw === 'object' ? (raw as Record<string, number>) : {};
  };
  return {
    get: (key) => {
      const at = read()[key];
      return typeof at === 'number' ? at : undefined;
    },
    set: (key, at) => {
      // Old entries are dropped: after a minute they no longer hold anything back.
      const kept = Object.entries(read()).filter(([, when]) => typeof when === 'number' && at - when < 3_600_000);
      void state.update(KEY, Object.fromEntries([...kept, [key, at]]));
    },
  };
}
