import { logLine } from '../core/serverText';
import { Calls } from '../api/calls';
import { ApiResult } from '../api/errors';
import { InstanceStatus } from '../api/replies';
import { InstanceRef, instanceId } from '../core/instanceRef';
import { Instances } from './instances';
import { entryFromResult } from './statusCache';

/** Status calls at once when the whole list is checked: enough to be quick, few enough to be polite. */
export const CONCURRENCY = 4;

/**
 * The one way to ask MegaAPI whether an instance is linked: the sidebar, the
 * commands and the agent tools all come here, and every answer becomes the
 * instance's state, which the tree, the badge and the panels follow. A check
 * never rejects: a fault in the extension comes back as an `internal` error
 * and leaves the state unknown.
 */
export class StatusChecks {
  private readonly running = new Map<string, Promise<ApiResult<InstanceStatus>>>();
  private everything?: Promise<Array<ApiResult<InstanceStatus>>>;
  private readonly faultListeners = new Set<(detail: string) => void>();
  /** Requests to MegaAPI under way, whoever asked (a Refresh, the watch, a tool): never more than CONCURRENCY. */
  private inFlight = 0;
  private readonly waitingForSlot: Array<() => void> = [];

  constructor(
    private readonly instances: Instances,
    private readonly calls: Calls,
    private readonly log: { error(line: string): void },
  ) {}

  /**
   * A second ask for the same instance while one runs joins it: two Refresh
   * clicks, or a Refresh during a list check, are one request. A check that
   * can be cancelled runs on its own, so one caller's cancel is not another's.
   * A `quiet` check (the health watch's) leaves the row as it is until the
   * answer comes, so a sweep does not make every row blink "checking…".
   */
  one(instance: InstanceRef, signal?: AbortSignal, options?: { quiet?: boolean }): Promise<ApiResult<InstanceStatus>> {
    if (signal) return this.check(instance, signal);
    const id = instanceId(instance);
    const joined = this.running.get(id);
    if (joined) return joined;
    const check = this.check(instance, undefined, options?.quiet).finally(() => {
      if (this.running.get(id) === check) this.running.delete(id);
    });
    this.running.set(id, check);
    return check;
  }

  /** Every saved instance, a few at a time; a second call while one runs joins it. */
  all(): Promise<Array<ApiResult<InstanceStatus>>> {
    this.everything ??= this.checkAll().finally(() => (this.everything = undefined));
    return this.everything;
  }

  /** A check failed inside the extension, not at MegaAPI: no instance's state can show that. */
  onDidFault(listener: (detail: string) => void): { dispose(): void } {
    this.faultListeners.add(listener);
    return { dispose: () => this.faultListeners.delete(listener) };
  }

  private async checkAll(): Promise<Array<ApiResult<InstanceStatus>>> {
    const queue = this.instances.all();
    // Every row says "checking…" at once; answers fill in as they come.
    for (const saved of queue) this.instances.setStatus(saved, { kind: 'checking' });
    // Every token asked for at once: each read is a round trip to the keyring (in a browser
    // workbench, to the page), and one per request in turn adds up over a long list. A
    // check's own read joins the one under way; a read that fails fails its check as before.
    for (const saved of queue) void this.instances.token(saved).catch(() => undefined);
    const results: Array<ApiResult<InstanceStatus>> = [];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) results.push(await this.one(next));
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return results;
  }

  private async check(instance: InstanceRef, signal?: AbortSignal, quiet = false): Promise<ApiResult<InstanceStatus>> {
    // A check an agent can cancel leaves the row as it is until it has an answer: a cancel then changes nothing.
    if (!signal && !quiet) this.instances.setStatus(instance, { kind: 'checking' });
    const waiting = this.slot();
    if (waiting) await waiting;
    try {
      const result = await this.calls.for(instance).getStatus(signal);
      if (result.ok || result.error.kind !== 'cancelled') this.instances.setStatus(instance, entryFromResult(result));
      return result;
    } catch (thrown) {
      // Not an answer from MegaAPI but a fault here: the state stays unknown rather than wrong.
      // A fault's message may quote a reply: one escaped line, with every held token blanked.
      const detail = logLine(thrown instanceof Error ? thrown.message : String(thrown));
      this.log.error(`Status ${instance.key}: ${detail}`);
      this.instances.forgetStatus(instance);
      for (const listener of [...this.faultListeners]) listener(detail);
      return { ok: false, error: { kind: 'internal', detail } };
    } finally {
      this.release();
    }
  }

  /** Undefined when a slot is free now: the request then starts in the same turn, as before the cap. */
  private slot(): Promise<void> | undefined {
    if (this.inFlight < CONCURRENCY) {
      this.inFlight += 1;
      return undefined;
    }
    return new Promise((resolve) => this.waitingForSlot.push(resolve));
  }

  /** The slot passes straight to the next waiter, if any. */
  private release(): void {
    const next = this.waitingForSlot.shift();
    if (next) next();
    else this.inFlight -= 1;
  }
}
