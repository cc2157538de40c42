import vscode = require('vscode');
import { Calls } from '../api/calls';
import { Webhook, readWebhookEndpoint } from '../api/webhook';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { InstanceChildren, ShownWhileConnected } from '../ui/instanceChildren';
import { describeWebhook } from './describeWebhook';
import { WebhookItem } from './webhookItem';
import { WebhookMemory } from './webhookMemory';
import { WebhookReads } from './webhookReads';

/** A webhook read this recent is not repeated when the instance is expanded again: it is the one just shown. */
const WEBHOOK_FRESH_MS = 3_000;

/**
 * What a connected instance shows when expanded: its webhook. The read is a
 * GET made when someone expands the instance (the tree shows its progress
 * bar meanwhile), kept until the instance is checked again or a command
 * changes the webhook; a failed read becomes an error item, never a popup.
 */
export class WebhookChildren implements InstanceChildren, vscode.Disposable {
  private readonly reads: WebhookReads;
  private readonly shown = new ShownWhileConnected();
  private readonly changed = new vscode.EventEmitter<InstanceRef>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly instances: Instances,
    calls: Calls,
    private readonly memory: WebhookMemory,
  ) {
    this.reads = new WebhookReads((instance) => calls.for(instance).call(readWebhookEndpoint(instance.key)));
  }

  shows(instance: InstanceRef): boolean {
    return this.shown.shows(instance, this.instances.status(instance)?.kind);
  }

  async children(instance: InstanceRef): Promise<vscode.TreeItem[]> {
    if (!this.shows(instance)) return [];
    const read = await this.reads.get(instance);
    const restorable = (await this.memory.get(instance)) !== undefined;
    const context = { host: hostOf(instance.baseUrl), key: instance.key };
    return [new WebhookItem(instance, describeWebhook(read, restorable, context, vscode.l10n.t))];
  }

  forget(instance: InstanceRef): void {
    this.reads.forget(instance);
  }

  /** Expanding an instance shows its webhook as it is now, unless it was read a moment ago. */
  expanded(instance: InstanceRef): void {
    const age = this.reads.ageMs(instance);
    if (age !== undefined && age > WEBHOOK_FRESH_MS) this.refresh(instance);
  }

  /** The webhook changed, or may have: read it again if it is on screen. */
  refresh(instance: InstanceRef): void {
    this.reads.forget(instance);
    this.changed.fire(instance);
  }

  /** A command read the webhook itself: that answer is shown, with no second GET. */
  show(instance: InstanceRef, webhook: Webhook): void {
    this.reads.set(instance, webhook);
    this.changed.fire(instance);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
