import vscode = require('vscode');
import { Calls } from '../api/calls';
import { ApiResult } from '../api/errors';
import { GroupSummary, listGroupsEndpoint } from '../api/groups';
import { hostOf } from '../core/baseUrl';
import { InstanceRef, instanceId } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { InstanceChildren, ShownWhileConnected } from '../ui/instanceChildren';
import { describeGroup, describeGroupsError } from './describeGroups';
import { GroupItem, GroupsFolderItem, GroupsNoteItem } from './groupItems';

/** A large account has thousands of groups; the sidebar shows this many, the palette's Copy Group ID finds the rest. */
const SHOWN = 500;

/**
 * The "Groups" folder under a connected instance. The list is read when the
 * folder is expanded (never at activation), kept until the instance is
 * checked again, and a failure becomes an item saying MegaAPI's answer.
 */
export class GroupsChildren implements InstanceChildren, vscode.Disposable {
  private readonly reads = new Map<string, Promise<ApiResult<GroupSummary[]>>>();
  private readonly shown = new ShownWhileConnected();
  private readonly changed = new vscode.EventEmitter<InstanceRef>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly instances: Instances,
    private readonly calls: Calls,
  ) {}

  shows(instance: InstanceRef): boolean {
    return this.shown.shows(instance, this.instances.status(instance)?.kind);
  }

  children(instance: InstanceRef): Promise<vscode.TreeItem[]> {
    return Promise.resolve(this.shows(instance) ? [new GroupsFolderItem(instance)] : []);
  }

  childrenOf(item: vscode.TreeItem): Promise<vscode.TreeItem[]> | undefined {
    if (!(item instanceof GroupsFolderItem)) return undefined;
    return this.groupItems(item.instance);
  }

  /** The groups as last read, reading them when there is no read yet. */
  list(instance: InstanceRef): Promise<ApiResult<GroupSummary[]>> {
    const id = instanceId(instance);
    let read = this.reads.get(id);
    if (!read) {
      read = this.calls.for(instance).call(listGroupsEndpoint(instance.key));
      this.reads.set(id, read);
      // A failure is shown once and read again next time, rather than kept.
      void read.then((result) => {
        if (!result.ok && this.reads.get(id) === read) this.reads.delete(id);
      });
    }
    return read;
  }

  forget(instance: InstanceRef): void {
    this.reads.delete(instanceId(instance));
  }

  expanded(): void {
    // The list is read when the Groups folder itself is expanded.
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async groupItems(instance: InstanceRef): Promise<vscode.TreeItem[]> {
    const t = vscode.l10n.t;
    const result = await this.list(instance);
    if (!result.ok) {
      const context = { host: hostOf(instance.baseUrl), key: instance.key };
      return [new GroupsNoteItem(instance, describeGroupsError(result.error, context, t), 'error')];
    }
    if (result.value.length === 0) {
      const look = { label: t('No groups'), description: '', tooltip: t('The linked account is in no group.') };
      return [new GroupsNoteItem(instance, look, 'empty')];
    }
    return result.value.slice(0, SHOWN).map((group) => new GroupItem(instance, group.id, describeGroup(group, t)));
  }
}
