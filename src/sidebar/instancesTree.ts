import * as vscode from 'vscode';
import { InstanceApi } from '../api/instanceApi';
import { InstanceRef } from '../instance';
import { StatusCache, entryFromResult } from '../state/statusCache';
import { InstanceStore, SavedInstance } from '../storage/instanceStore';
import { describeInstance } from './describeInstance';
import { ErrorItem } from './errorItem';
import { InstanceItem } from './instanceItem';

/** Status calls at once when the whole list refreshes: enough to be quick, few enough to be polite. */
const CONCURRENCY = 4;

/**
 * The sidebar's list of saved instances with their link state. Rendering
 * never calls the network and never shows a popup: states come from the
 * cache, which `refresh` fills when the view is visible or the user asks.
 */
export class InstancesTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private running?: Promise<void>;
  /** Set when checking failed in a way no single instance's state can show. */
  private failure?: string;

  constructor(
    private readonly instances: InstanceStore,
    private readonly cache: StatusCache,
    private readonly api: InstanceApi,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [instances.onDidChange(() => this.changed.fire()), cache.onDidChange(() => this.changed.fire())];
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(): vscode.TreeItem[] {
    const items = this.instances.all().map((saved) => this.item(saved));
    return this.failure ? [new ErrorItem(this.failure), ...items] : items;
  }

  /** A second call while one runs (the view shown twice, Refresh pressed) joins it instead of asking again. */
  refreshAll(): Promise<void> {
    this.running ??= this.checkAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Never rejects: MegaAPI's answer, good or bad, becomes the instance's state. */
  async refreshOne(instance: InstanceRef): Promise<void> {
    this.cache.set(instance, { kind: 'checking' });
    try {
      this.cache.set(instance, entryFromResult(await this.api.call(instance, 'Status', (client) => client.getStatus(instance.key))));
    } catch (thrown) {
      // Not an answer from MegaAPI but a fault here: say so once above the list, and leave the state unknown.
      this.failure = thrown instanceof Error ? thrown.message : String(thrown);
      this.log.error(`Status ${instance.key}: ${this.failure}`);
      this.cache.delete(instance);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }

  private async checkAll(): Promise<void> {
    if (this.failure) {
      this.failure = undefined;
      this.changed.fire();
    }
    const queue: SavedInstance[] = this.instances.all();
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.refreshOne(next);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  private item(saved: SavedInstance): InstanceItem {
    const at = this.cache.checkedAt(saved);
    const checkedAt = at === undefined ? undefined : new Date(at).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' });
    return new InstanceItem(saved, describeInstance(saved, this.cache.get(saved), vscode.l10n.t, checkedAt));
  }
}
