import vscode = require('vscode');
import { Calls } from '../api/calls';
import { clockTime } from '../core/clockTime';
import { InstanceRef } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { entryFromResult } from '../instances/statusCache';
import { SavedInstance } from '../instances/savedInstances';
import { describeInstance } from './describeInstance';
import { ErrorItem } from './errorItem';
import { InstanceItem } from './instanceItem';
import { RedrawPacer } from './redrawPacer';
import { WebhookChildren } from './webhookChildren';

/** Status calls at once when the whole list refreshes: enough to be quick, few enough to be polite. */
export const CONCURRENCY = 4;

/** A webhook read this recent is not repeated when the instance is expanded again: it is the one just shown. */
const WEBHOOK_FRESH_MS = 3_000;

/**
 * The sidebar's list of saved instances with their link state. Rendering
 * never shows a popup, and the list never calls the network: states come from
 * what `Instances` knows, which `refresh` fills when the view is visible or
 * the user asks. Only expanding a connected instance reads something (its
 * webhook, through `WebhookChildren`), because the user asked to see it.
 */
export class InstancesTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private running?: Promise<void>;
  private readonly redraw = new RedrawPacer(() => this.changed.fire());
  /** Set when checking failed in a way no single instance's state can show. */
  private failure?: string;

  constructor(
    private readonly instances: Instances,
    private readonly calls: Calls,
    private readonly log: vscode.LogOutputChannel,
    private readonly webhooks?: WebhookChildren,
  ) {
    this.subscription = instances.onDidChange(() => this.redraw.changed());
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(element?: vscode.TreeItem): vscode.TreeItem[] | Promise<vscode.TreeItem[]> {
    if (element instanceof InstanceItem) return this.webhooks?.children(element.instance) ?? [];
    if (element) return [];
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
    await this.check(instance);
  }

  private async check(instance: InstanceRef): Promise<void> {
    // Before the status change re-renders the tree, so an expanded instance reads its webhook again.
    this.webhooks?.reads.forget(instance);
    try {
      this.instances.setStatus(instance, entryFromResult(await this.calls.for(instance).getStatus()));
    } catch (thrown) {
      // Not an answer from MegaAPI but a fault here: say so once above the list, and leave the state unknown.
      this.failure = thrown instanceof Error ? thrown.message : String(thrown);
      this.log.error(`Status ${instance.key}: ${this.failure}`);
      this.instances.forgetStatus(instance);
    }
  }

  /** The instance's webhook changed (or may have): read it again if it is on screen. */
  refreshWebhook(instance: InstanceRef): void {
    this.webhooks?.reads.forget(instance);
    this.changed.fire();
  }

  /** Expanding an instance shows its webhook as it is now, unless it was read a moment ago. */
  expanded(instance: InstanceRef): void {
    const age = this.webhooks?.reads.ageMs(instance);
    if (age !== undefined && age > WEBHOOK_FRESH_MS) this.refreshWebhook(instance);
  }

  dispose(): void {
    this.redraw.dispose();
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
    // Every token asked for at once: each read is a round trip to the keyring (in a browser
    // workbench, to the page), and one per request in turn adds up over a long list. A worker's
    // own read joins the one under way; a read that fails fails its check as before.
    for (const saved of queue) void this.instances.token(saved).catch(() => undefined);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.check(next);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    this.redraw.flush();
  }

  private item(saved: SavedInstance): InstanceItem {
    const at = this.instances.checkedAt(saved);
    const checkedAt = at === undefined ? undefined : clockTime(at, vscode.env.language, 'minutes');
    const look = describeInstance(saved, this.instances.status(saved), vscode.l10n.t, checkedAt);
    const collapsible = this.webhooks?.shows(saved)
      ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    return new InstanceItem(saved, look, collapsible);
  }
}
