import * as vscode from 'vscode';
import { Calls } from '../api/calls';
import { InstanceRef } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { entryFromResult } from '../instances/statusCache';
import { SavedInstance } from '../instances/savedInstances';
import { describeInstance } from './describeInstance';
import { ErrorItem } from './errorItem';
import { InstanceItem } from './instanceItem';

/** Status calls at once when the whole list refreshes: enough to be quick, few enough to be polite. */
export const CONCURRENCY = 4;

/**
 * The sidebar's list of saved instances with their link state. Rendering
 * never calls the network and never shows a popup: states come from what
 * `Instances` knows, which `refresh` fills when the view is visible or the
 * user asks.
 */
export class InstancesTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private running?: Promise<void>;
  /** Set when checking failed in a way no single instance's state can show. */
  private failure?: string;

  constructor(
    private readonly instances: Instances,
    private readonly calls: Calls,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = instances.onDidChange(() => this.changed.fire());
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
    this.instances.setStatus(instance, { kind: 'checking' });
    try {
      this.instances.setStatus(instance, entryFromResult(await this.calls.for(instance).getStatus()));
    } catch (thrown) {
      // Not an answer from MegaAPI but a fault here: say so once above the list, and leave the state unknown.
      this.failure = thrown instanceof Error ? thrown.message : String(thrown);
      this.log.error(`Status ${instance.key}: ${this.failure}`);
      this.instances.forgetStatus(instance);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async checkAll(): Promise<void> {
    if (this.failure) {
      this.failure = undefined;
      this.changed.fire();
    }
    const queue: SavedInstance[] = this.instances.all();
    // Every row says "checking…" at once; answers fill in as they come.
    for (const saved of queue) this.instances.setStatus(saved, { kind: 'checking' });
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.refreshOne(next);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  private item(saved: SavedInstance): InstanceItem {
    const at = this.instances.checkedAt(saved);
    const checkedAt =
      at === undefined
        ? undefined
        : new Date(at).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' });
    return new InstanceItem(saved, describeInstance(saved, this.instances.status(saved), vscode.l10n.t, checkedAt));
  }
}
