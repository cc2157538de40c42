import vscode = require('vscode');
import { InstanceRef, instanceId } from '../core/instanceRef';

/**
 * The seam through which a feature hangs items under an instance in the
 * sidebar (the webhook does), without the sidebar importing it: `extension.ts`
 * hands the tree a list of these.
 */
export interface InstanceChildren {
  /** Whether the instance has items of this kind now; it is drawn expandable when any has. */
  shows(instance: InstanceRef): boolean;
  children(instance: InstanceRef): Promise<vscode.TreeItem[]>;
  /** The items under one of this kind's own items (a folder such as Groups); undefined for an item it does not own. */
  childrenOf?(item: vscode.TreeItem): Promise<vscode.TreeItem[]> | undefined;
  /** The instance is being checked again: what was read of it may be stale. */
  forget(instance: InstanceRef): void;
  /** The user expanded the instance. */
  expanded(instance: InstanceRef): void;
  /** The items of one instance changed and should be drawn again. */
  readonly onDidChange: vscode.Event<InstanceRef>;
}

/**
 * Which instances show items that need a linked phone (the webhook, the
 * groups): the connected ones, kept while one is checked again, so a refresh
 * does not collapse what the user opened.
 */
export class ShownWhileConnected {
  private readonly connectedBefore = new Set<string>();

  shows(instance: InstanceRef, kind: string | undefined): boolean {
    const id = instanceId(instance);
    if (kind === 'connected') this.connectedBefore.add(id);
    else if (kind !== 'checking') this.connectedBefore.delete(id);
    return this.connectedBefore.has(id);
  }
}
