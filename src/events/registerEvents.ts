// The webhook events feature: a local receiver, a tap on the instance's
// webhook through a tunnel, the Webhook Events view, forwarding to the
// developer's handler, replay, samples and Prove Webhook Delivery.
import vscode = require('vscode');
import { logLine } from '../core/serverText';
import { Kit } from '../ui/kit';
import { registerEventCommands } from './eventCommands';
import { forwardTo } from './eventSettings';
import { EventsTree } from './eventsTree';
import { registerListenCommands, tapCalls } from './listenCommands';
import { Listening } from './listening';
import { registerProveDelivery } from './proveDelivery';
import { UrlProblem } from './publicAddress';
import { EventReceiver } from './receiver';
import { registerSampleCommand } from './sampleCommand';
import { TapMemory } from './tapMemory';
import { COMMANDS } from '../ui/commandIds';
import { commandAction, offer } from '../ui/notify';

/** What the events feature needs of the webhook feature, handed over in `extension.ts`. */
export interface EventsParts {
  /** The webhook URL rule, so a public tunnel URL passes the same check as any webhook URL. */
  webhookUrlProblem: UrlProblem;
}

export function registerEvents(
  context: vscode.ExtensionContext,
  kit: Kit,
  parts: EventsParts,
): { tree: vscode.TreeDataProvider<vscode.TreeItem> } {
  const t = vscode.l10n.t;
  const receiver = new EventReceiver();
  const memory = new TapMemory(context.secrets);
  const tree: EventsTree = new EventsTree(kit.feed, () => listening);
  const listening = new Listening({
    receiver,
    feed: kit.feed,
    memory,
    calls: (instance) => tapCalls(kit, instance),
    forwardTo,
    log: kit.log,
    onTapGone: (instance) =>
      void offer(
        'warning',
        t(
          'The events tap on the webhook of {0} is gone: something rewrote its webhook (apps that configure their webhook often blank the secondary URL). No more events will arrive.',
          instance.key,
        ),
        [commandAction(t('Stop Listening'), COMMANDS.stopListening, instance)],
      ),
    onDidChange: () => tree.refresh(),
  });
  const view = vscode.window.createTreeView('megaapi.events', { treeDataProvider: tree });
  // A Refresh (of the sidebar or of this view) re-reads every tap; at most once per 15 s, however many instances answer.
  let lastRecheck = 0;
  const statusChanges = kit.instances.onDidChange((change) => {
    if (change.kind !== 'status' || listening.all().length === 0 || Date.now() - lastRecheck < 15_000) return;
    lastRecheck = Date.now();
    void listening.recheckAll();
  });
  context.subscriptions.push(tree, view, statusChanges, listening, {
    dispose: () => void receiver.stop().catch((e: unknown) => kit.log.warn(logLine(`Events receiver: ${String(e)}`))),
  });
  registerListenCommands(context, kit, listening, memory, parts.webhookUrlProblem);
  registerEventCommands(context, kit, listening, tree, view);
  registerSampleCommand(context, kit, listening);
  registerProveDelivery(context, kit, listening);
  return { tree };
}
