import vscode = require('vscode');
import { clockTime } from '../core/clockTime';
import { InstanceRef } from '../core/instanceRef';
import { StatusChecks } from '../instances/checks';
import { Instances } from '../instances/instances';
import { SavedInstance } from '../instances/savedInstances';
import { describeInstance } from './describeInstance';
import { ErrorItem } from './errorItem';
import { InstanceChildren } from '../ui/instanceChildren';
import { InstanceMarks } from '../ui/instanceMarks';
import { InstanceItem } from './instanceItem';
import { RedrawPacer } from './redrawPacer';

/**
 * The sidebar's list of saved instances with their link state. Rendering
 * never shows a popup, and the list never calls the network: states come from
 * what `Instances` knows, which `refresh` fills (through `StatusChecks`) when
 * the view is visible or the user asks. Only expanding a connected instance
 * reads something, through the features that hang items under it, because the
 * user asked to see it.
 */
export class InstancesTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: Array<{ dispose(): void }>;
  private readonly redraw = new RedrawPacer(() => this.changed.fire());
  /** Set when checking failed in a way no single instance's state can show. */
  private failure?: string;

  constructor(
    private readonly instances: Instances,
    private readonly checks: StatusChecks,
    private readonly kinds: readonly InstanceChildren[] = [],
    private readonly marks?: InstanceMarks,
  ) {
    this.subscriptions = [
      instances.onDidChange((change) => {
        // Checked again: an expanded instance reads its items again when it is drawn.
        if (change.kind === 'status' && instances.status(change.instance)?.kind === 'checking') {
          for (const kind of kinds) kind.forget(change.instance);
        }
        this.redraw.changed();
      }),
      checks.onDidFault((detail) => (this.failure = detail)),
      ...kinds.map((kind) => kind.onDidChange(() => this.changed.fire())),
      ...(marks ? [marks.onDidChange(() => this.redraw.changed())] : []),
    ];
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  async getChildren(element?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (element instanceof InstanceItem) {
      const instance = element.instance;
      const shown = this.kinds.filter((kind) => kind.shows(instance));
      return (await Promise.all(shown.map((kind) => kind.children(instance)))).flat();
    }
    if (element) {
      for (const kind of this.kinds) {
        const items = kind.childrenOf?.(element);
        if (items) return items;
      }
      return [];
    }
    const items = this.instances.all().map((saved) => this.item(saved));
    return this.failure ? [new ErrorItem(this.failure), ...items] : items;
  }

  /** Never rejects: MegaAPI's answers, good or bad, become the instances' states. */
  async refreshAll(): Promise<void> {
    if (this.failure) {
      this.failure = undefined;
      this.changed.fire();
    }
    await this.checks.all();
    this.redraw.flush();
  }

  /** Expanding an instance lets each kind of item decide whether what it shows is still fresh. */
  expanded(instance: InstanceRef): void {
    for (const kind of this.kinds) kind.expanded(instance);
  }

  dispose(): void {
    this.redraw.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private item(saved: SavedInstance): InstanceItem {
    const at = this.instances.checkedAt(saved);
    const checkedAt = at === undefined ? undefined : clockTime(at, vscode.env.language, 'minutes');
    const look = describeInstance(saved, this.instances.status(saved), vscode.l10n.t, checkedAt, {
      settled: this.instances.settledStatus(saved),
      minutesAgo: at === undefined ? undefined : Math.floor((Date.now() - at) / 60_000),
      muted: this.marks?.muted(saved) ?? false,
    });
    const collapsible = this.kinds.some((kind) => kind.shows(saved))
      ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    return new InstanceItem(saved, look, collapsible);
  }
}
