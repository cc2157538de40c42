import { ChildProcess } from 'node:child_process';

/**
 * Each e2e file is its own esbuild bundle with its own copy of the harness,
 * so state the root hooks must see (what is running, which stack is current)
 * lives on one object shared through globalThis.
 */
export interface Registry {
  processes: Set<ChildProcess>;
  /** Called on a failed test to keep a screenshot and logs; set by the current stack. */
  keepEvidence?: (name: string) => Promise<string | undefined>;
}

const KEY = Symbol.for('megaapi.e2e.registry');

export function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[KEY] ??= { processes: new Set() });
}
