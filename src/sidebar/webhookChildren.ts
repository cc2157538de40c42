import vscode = require('vscode');
import { Calls } from '../api/calls';
import { readWebhookEndpoint } from '../api/webhook';
import { hostOf } from '../core/baseUrl';
import { InstanceRef, instanceId } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { WebhookMemory } from '../instances/webhookMemory';
import { describeWebhook } from './describeWebhook';
import { WebhookItem } from './webhookItem';
import { WebhookReads } from './webhookReads';

/**
 * What a connected instance shows when expanded: its webhook. The read is a
 * GET made when someone expands the instance (the tree shows its progress
 * bar meanwhile), kept until the instance is refreshed; a failed read becomes
 * an error item, never a popup.
 */
export class WebhookChildren {
  readonly reads: WebhookReads;
  private readonly connectedBefore = new Set<string>();

  constructor(
    private readonly instances: Instances,
    calls: Calls,
    private readonly memory: WebhookMemory,
  ) {
    this.reads = new WebhookReads((instance) => calls.for(instance).call(readWebhookEndpoint(instance.key)));
  }

  /**
   * Connected instances have the child. While a connected instance is being
   * checked again it keeps it, so a refresh does not collapse what the user
   * opened.
   */
  shows(instance: InstanceRef): boolean {
    const id = instanceId(instance);
    const kind = this.instances.status(instance)?.kind;
    if (kind === 'connected') this.connectedBefore.add(id);
    else if (kind !== 'checking') this.connectedBefore.delete(id);
    return this.connectedBefore.has(id);
  }

  async children(instance: InstanceRef): Promise<vscode.TreeItem[]> {
    if (!this.shows(instance)) return [];
    const read = await this.reads.get(instance);
    const restorable = this.memory.get(instance) !== undefined;
    const context = { host: hostOf(instance.baseUrl), key: instance.key };
    return [new WebhookItem(instance, describeWebhook(read, restorable, context, vscode.l10n.t))];
  }
}
