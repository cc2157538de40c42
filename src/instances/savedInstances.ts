import { InstanceRef, parseInstanceRef, sameInstance } from '../core/instanceRef';
import { logLine } from '../core/serverText';

export interface SavedInstance extends InstanceRef {
  lastUsed: number;
}

/** The slice of `vscode.Memento` (globalState) the list uses. */
export interface MementoLike {
  get<T>(key: string, defaultValue: T): T;
  update(key: string, value: unknown): Thenable<void>;
  setKeysForSync?(keys: readonly string[]): void;
}

/**
 * globalState key, stable: hosts and keys only, never tokens. It is synced by
 * Settings Sync, so the list follows the user to another machine, where each
 * instance waits for its token.
 */
export const SAVED_INSTANCES_KEY = 'megaapi.instances';
const MAX_SAVED = 200;

/** The instances the user has worked with; MegaAPI has no endpoint that lists them. */
export class SavedInstances {
  /** Where a dropped entry is reported (the log), once per entry per session. */
  report: (line: string) => void = () => undefined;
  private readonly reported = new Set<string>();

  constructor(private readonly state: MementoLike) {
    state.setKeysForSync?.([SAVED_INSTANCES_KEY]);
  }

  /**
   * Most recently used first. The list is synced and can be edited by hand,
   * so every entry goes through the input boxes' own parsers when it is
   * read: one that does not parse (a host that is not a URL, a key with
   * markup) is dropped, with a log line, and never reaches a notification
   * or a tool result.
   */
  all(): SavedInstance[] {
    const raw = this.state.get<unknown>(SAVED_INSTANCES_KEY, []);
    const list = Array.isArray(raw) ? raw.filter((entry) => this.keep(entry)) : [];
    return list.sort((a, b) => b.lastUsed - a.lastUsed);
  }

  has(instance: InstanceRef): boolean {
    return this.all().some((saved) => sameInstance(saved, instance));
  }

  /**
   * Adds the instance at the top, or moves it there; false when it already was
   * the most recent. Then nothing is written: each write is a round trip to
   * the window (the page, in a browser) and, with Settings Sync, an upload.
   */
  async touch(instance: InstanceRef, now = Date.now()): Promise<boolean> {
    const list = this.all();
    if (list.length > 0 && sameInstance(list[0], instance)) return false;
    const rest = list.filter((saved) => !sameInstance(saved, instance));
    const entry = { baseUrl: instance.baseUrl, key: instance.key, lastUsed: now };
    await this.state.update(SAVED_INSTANCES_KEY, [entry, ...rest].slice(0, MAX_SAVED));
    return true;
  }

  /** Puts `to` where `from` was, keeping its place in the list. */
  async replace(from: InstanceRef, to: InstanceRef): Promise<void> {
    const list = this.all().filter((saved) => !sameInstance(saved, to));
    const next = list.map((saved) =>
      sameInstance(saved, from) ? { ...saved, baseUrl: to.baseUrl, key: to.key } : saved,
    );
    if (!next.some((saved) => sameInstance(saved, to))) {
      next.unshift({ baseUrl: to.baseUrl, key: to.key, lastUsed: Date.now() });
    }
    await this.state.update(SAVED_INSTANCES_KEY, next);
  }

  async remove(instance: InstanceRef): Promise<void> {
    const rest = this.all().filter((saved) => !sameInstance(saved, instance));
    await this.state.update(SAVED_INSTANCES_KEY, rest);
  }

  private keep(value: unknown): value is SavedInstance {
    const problem = savedInstanceProblem(value);
    if (problem === undefined) return true;
    const id = `${problem} ${JSON.stringify(value)?.slice(0, 300)}`;
    if (!this.reported.has(id)) {
      this.reported.add(id);
      this.report(`Skipped a saved instance that does not parse (${problem}): ${describeEntry(value)}`);
    }
    return false;
  }
}

/** Why a stored entry is not an instance the input boxes would have accepted; undefined when it is one. */
export function savedInstanceProblem(value: unknown): string | undefined {
  const v = value as SavedInstance;
  if (typeof v?.key !== 'string' || typeof v.baseUrl !== 'string') return 'not a host and key';
  if (typeof v.lastUsed !== 'number' || !Number.isFinite(v.lastUsed)) return 'no time of last use';
  // Whether plain http may be used is checked before each request; here only the shape counts.
  const parsed = parseInstanceRef(v.baseUrl, v.key, { allowInsecureHttp: true });
  if (!parsed.ok) return `${parsed.problem.kind}: ${parsed.problem.reason}`;
  // Stored as the parsers normalise it, or tokens and panels would not find it.
  if (!sameInstance(parsed.value, v)) return 'not in normal form';
  return undefined;
}

function describeEntry(value: unknown): string {
  const v = (value ?? {}) as Record<string, unknown>;
  const part = (field: unknown) => (typeof field === 'string' ? JSON.stringify(field) : typeof field);
  return logLine(`host ${part(v.baseUrl)}, key ${part(v.key)}`, 200);
}
