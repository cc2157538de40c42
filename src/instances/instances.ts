import { InstanceRef, sameInstance } from '../core/instanceRef';
import { InstanceRecords, RecordSpec } from './records';
import { SerialMemento } from './serialMemento';
import { MementoLike, SavedInstance, SavedInstances } from './savedInstances';
import { StatusCache, StatusEntry } from './statusCache';
import { SecretsLike, TokenStore } from './tokenStore';

/** What changed, so each listener can do only its part. */
export type InstancesChange =
  | { kind: 'saved'; instance: InstanceRef }
  | { kind: 'removed'; instance: InstanceRef }
  | { kind: 'renamed'; from: InstanceRef; to: InstanceRef }
  | { kind: 'token'; instance: InstanceRef }
  | { kind: 'status'; instance: InstanceRef }
  /** The instance was logged out or restarted: what shows it must catch up. */
  | { kind: 'remote'; instance: InstanceRef };

type Listener = (change: InstancesChange) => void;

/**
 * Everything the extension knows about the user's instances, behind one
 * door: the saved list (globalState, synced), the tokens (SecretStorage,
 * never synced), the last known link state (memory) and the records features
 * keep per instance (globalState, never synced). Removing or renaming an
 * instance updates them all, then tells every listener (panels, the sidebar,
 * the status bar, context keys) once.
 */
export class Instances {
  private readonly saved: SavedInstances;
  private readonly tokens: TokenStore;
  private readonly states: StatusCache;
  private readonly listeners = new Set<Listener>();
  private readonly records: Array<InstanceRecords<unknown>> = [];

  private readonly memento: MementoLike;

  constructor(
    globalState: MementoLike,
    secrets: SecretsLike,
    private readonly now: () => number = Date.now,
  ) {
    this.memento = new SerialMemento(globalState);
    this.saved = new SavedInstances(this.memento);
    this.tokens = new TokenStore(secrets);
    this.states = new StatusCache(now);
    // A token set or deleted in another window reaches this one's panels and views like a local change.
    this.tokens.onDidChangeElsewhere((instance) => this.fire({ kind: 'token', instance }));
  }

  /**
   * Reads the token of every saved instance once, in the background, so
   * that server text echoing any of them is blanked (`core/redact.ts`)
   * before the first request of this session needs it.
   */
  readAllTokens(): void {
    for (const saved of this.all()) void this.tokens.get(saved);
  }

  all(): SavedInstance[] {
    return this.saved.all();
  }

  /** Where saved entries that do not parse are reported (dropped from the list, with this line). */
  reportDroppedTo(report: (line: string) => void): void {
    this.saved.report = report;
  }

  forBaseUrl(baseUrl: string): SavedInstance[] {
    return this.all().filter((saved) => saved.baseUrl === baseUrl);
  }

  has(instance: InstanceRef): boolean {
    return this.saved.has(instance);
  }

  /** Adds the instance to the list, or moves it to the top. */
  async save(instance: InstanceRef): Promise<void> {
    if (await this.saved.touch(instance)) this.fire({ kind: 'saved', instance });
  }

  /** Forgets the instance: list, token and state. False when the keyring kept the token. */
  async remove(instance: InstanceRef): Promise<{ tokenDeleted: boolean }> {
    await this.saved.remove(instance);
    const tokenDeleted = await this.tokens.delete(instance);
    this.states.delete(instance);
    for (const record of this.records) await record.removed(instance);
    this.fire({ kind: 'removed', instance });
    return { tokenDeleted };
  }

  /**
   * The same instance under another host or key (a typo fixed, a plan moved).
   * The token moves with it unless `to` already has one of its own.
   */
  async rename(from: InstanceRef, to: InstanceRef): Promise<{ tokenMoved: boolean }> {
    if (sameInstance(from, to)) return { tokenMoved: false };
    const token = await this.tokens.get(from);
    const targetToken = await this.tokens.get(to);
    let tokenMoved = false;
    if (token && !targetToken) {
      await this.tokens.set(to, token);
      tokenMoved = true;
    }
    await this.tokens.delete(from);
    await this.saved.replace(from, to);
    this.states.move(from, to);
    for (const record of this.records) await record.move(from, to);
    this.fire({ kind: 'renamed', from, to });
    return { tokenMoved };
  }

  token(instance: InstanceRef): Promise<string | undefined> {
    return this.tokens.get(instance);
  }

  /** False when the token could only be kept in memory (no keyring). */
  async setToken(instance: InstanceRef, token: string): Promise<boolean> {
    const persisted = await this.tokens.set(instance, token);
    this.fire({ kind: 'token', instance });
    return persisted;
  }

  /** False when the keyring refused to delete it. */
  async clearToken(instance: InstanceRef): Promise<boolean> {
    const deleted = await this.tokens.delete(instance);
    this.fire({ kind: 'token', instance });
    return deleted;
  }

  status(instance: InstanceRef): StatusEntry | undefined {
    return this.states.get(instance);
  }

  /** The last answer, even while a new check runs. */
  settledStatus(instance: InstanceRef): StatusEntry | undefined {
    return this.states.settled(instance);
  }

  /** globalState, one write at a time, for what is kept for all instances at once (the watch's lease). */
  get globalState(): MementoLike {
    return this.memento;
  }

  checkedAt(instance: InstanceRef): number | undefined {
    return this.states.checkedAt(instance);
  }

  setStatus(instance: InstanceRef, entry: StatusEntry): void {
    this.states.set(instance, entry);
    this.fire({ kind: 'status', instance });
  }

  /**
   * An answer learnt elsewhere (a past session on this machine, the window
   * that sweeps): taken only when it is newer than what this window knows.
   */
  restoreStatus(instance: InstanceRef, entry: StatusEntry, at: number): boolean {
    const known = this.states.checkedAt(instance);
    if (known !== undefined && known >= at) return false;
    if (this.states.get(instance)?.kind === 'checking') return false;
    this.states.set(instance, entry, at);
    this.fire({ kind: 'status', instance });
    return true;
  }

  forgetStatus(instance: InstanceRef): void {
    if (this.states.delete(instance)) this.fire({ kind: 'status', instance });
  }

  /** A per-instance record that follows the instance through renames and removal. */
  record<T>(spec: RecordSpec<T>): InstanceRecords<T> {
    const record = new InstanceRecords(this.memento, spec, this.now);
    this.records.push(record);
    return record;
  }

  /** Says that the instance was logged out or restarted, so an open panel starts again. */
  remoteChanged(instance: InstanceRef): void {
    this.fire({ kind: 'remote', instance });
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.listeners.clear();
    this.tokens.dispose();
  }

  private fire(change: InstancesChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
