import * as vscode from 'vscode';
import { InstanceApi } from '../api/instanceApi';
import { InstanceRef, instanceId } from '../instance';
import { StatusCache, entryFromStatus } from '../state/statusCache';
import { InstanceStore, SavedInstance } from '../storage/instanceStore';
import { describeInstance } from './describeInstance';

/** Status calls at once when the whole list refreshes: enough to be quick, few enough to be polite. */
const CONCURRENCY = 4;

class InstanceItem extends vscode.TreeItem {
  constructor(
    readonly instance: InstanceRef,
    look: ReturnType<typeof describeInstance>,
  ) {
    super(instance.key, vscode.TreeItemCollapsibleState.None);
    this.id = instanceId(instance);
    this.description = look.description;
    this.tooltip = new vscode.MarkdownString(look.tooltip.map((line) => escapeMarkdown(line)).join('  \n'));
    this.contextValue = look.contextValue;
    const color = look.icon === 'pass-filled' ? new vscode.ThemeColor('testing.iconPassed') : look.icon === 'error' ? new vscode.ThemeColor('errorForeground') : undefined;
    this.iconPath = new vscode.ThemeIcon(look.icon, color);
    this.command = { command: 'megaapi.showQr', title: vscode.l10n.t('Show QR'), arguments: [{ instance }] };
  }
}

/**
 * The sidebar's list of saved instances with their link state. Rendering
 * never calls the network and never shows a popup: states come from the
 * cache, which `refresh` fills when the view is visible or the user asks.
 */
export class InstancesTree implements vscode.TreeDataProvider<InstanceItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly instances: InstanceStore,
    private readonly cache: StatusCache,
    private readonly api: InstanceApi,
  ) {
    this.subscriptions = [instances.onDidChange(() => this.changed.fire()), cache.onDidChange(() => this.changed.fire())];
  }

  getTreeItem(item: InstanceItem): vscode.TreeItem {
    return item;
  }

  getChildren(): InstanceItem[] {
    return this.instances.all().map((saved) => new InstanceItem(saved, describeInstance(saved, this.cache.get(saved), vscode.l10n.t)));
  }

  async refreshAll(): Promise<void> {
    const queue: SavedInstance[] = this.instances.all();
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.refreshOne(next);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  async refreshOne(instance: InstanceRef): Promise<void> {
    this.cache.set(instance, { kind: 'checking' });
    const result = await this.api.call(instance, 'Status', (client) => client.getStatus(instance.key));
    if (result.ok) this.cache.set(instance, entryFromStatus(result.value));
    else if (result.error.kind === 'noToken') this.cache.set(instance, { kind: 'noToken' });
    else this.cache.set(instance, { kind: 'error', error: result.error });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
