// The webhook events feature: a local receiver, a tap on the instance's
// webhook through a tunnel, the Webhook Events view, forwarding to the
// developer's handler, replay, samples and Prove Webhook Delivery.
import vscode = require('vscode');
import { logLine } from '../core/serverText';
import { Kit } from '../ui/kit';
import { forwardTo } from './eventSettings';
import { EventsTree } from './eventsTree';
import { Listening } from './listening';
import { EventReceiver } from './receiver';
import { tapCalls } from './tapCalls';
import { TapMemory } from './tapMemory';
import { COMMANDS } from '../ui/commandIds';
import { onFirstUse } from '../ui/loadOnFirstUse';
import { commandAction, offer } from '../ui/notify';
import { registerOnFirstUse } from '../ui/registerSafely';

/** The events commands: their code loads at the first call of any of them (src/onFirstUse.ts). */
const EVENT_COMMANDS = [
  COMMANDS.listenEvents,
  COMMANDS.stopListening,
  COMMANDS.refreshEvents,
  COMMANDS.openEvent,
  COMMANDS.copyEventJson,
  COMMANDS.copyEventAsFixture,
  COMMANDS.copyEventAsType,
  COMMANDS.clearEvents,
  COMMANDS.filterEvents,
  COMMANDS.replayEvent,
  COMMANDS.forwardEvents,
  COMMANDS.sendSampleEvent,
  COMMANDS.proveDelivery,
] as const;

export function registerEvents(
  context: vscode.ExtensionContext,
  kit: Kit,
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
  const commands = { context, kit, listening, memory, tree, view };
  registerOnFirstUse(context, kit.log, EVENT_COMMANDS, () => onFirstUse().registerEventCommands(commands));
  // What VS Code left tapped when it closed: the offer's code loads only when there is one.
  void memory.all().then(
    (left) => (left.length > 0 ? onFirstUse().offerLeftOverTaps(memory, listening, kit) : undefined),
    (thrown: unknown) => kit.log.warn(logLine(`Events: could not read the taps left over: ${String(thrown)}`)),
  );
  return { tree };
}
