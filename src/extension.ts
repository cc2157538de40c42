import vscode = require('vscode');
import { Calls } from './api/calls';
import { createNodeFetch } from './api/nodeFetch';
import { registerDeepLinks } from './deepLinks/registerDeepLinks';
import { registerEvents } from './events/registerEvents';
import { registerGroups } from './groups/registerGroups';
import { StatusChecks } from './instances/checks';
import { EventFeed, NewFeedEvent } from './instances/eventFeed';
import { Instances } from './instances/instances';
import { createLog } from './log';
import { registerManage } from './manage/registerManage';
import { registerMcp } from './mcp/registerMcp';
import { registerMessages } from './messages/registerMessages';
import { registerQr } from './qr/registerQr';
import { Settings } from './settings';
import { registerSidebar } from './sidebar/registerSidebar';
import { registerSnippets } from './snippets/registerSnippets';
import { registerTools } from './tools/registerTools';
import { registerWatch } from './watch/registerWatch';
import { Kit } from './ui/kit';
import { ReplyDocuments } from './ui/replyDocuments';
import { registerWebhook } from './webhook/registerWebhook';

/** What the extension offers other extensions (and its API test suite): read-only views of its state. */
export interface MegaApiExtensionApi {
  /** The sidebar's tree data provider, exactly as VS Code renders it. */
  readonly instancesTree: vscode.TreeDataProvider<vscode.TreeItem>;
  /** The badge the instances view shows on the activity-bar icon, if any (a copy). */
  instancesBadge(): vscode.ViewBadge | undefined;
  /**
   * Only when the extension runs in a test host (`ExtensionMode.Test`): puts
   * an event in the feed as the webhook receiver would, for the API suite.
   */
  addFeedEventForTests?(event: NewFeedEvent): void;
  /** The Webhook Events view's tree data provider. */
  readonly eventsTree: vscode.TreeDataProvider<vscode.TreeItem>;
}

/** The running extension's disposables, so `deactivate` can close sockets and timers at once. */
let running: vscode.Disposable[] | undefined;

/**
 * Builds the base services, then registers each feature, one line each.
 * Nothing here waits on the network: MegaAPI is only called when the user
 * asks for something. Features never import one another: where one shows
 * something of another (the webhook under an instance in the sidebar, the
 * QR panel opened by an agent tool), it is handed over here.
 */
export function activate(context: vscode.ExtensionContext): MegaApiExtensionApi {
  const activateCalled = Date.now();
  const log = createLog();
  // Timing marks for `npm run bench`'s breakdown (`mark <name> <instance or -> <epochMs>`); free when tracing is off.
  const mark = (name: string, id = '-', at = Date.now()) => log.trace(`mark ${name} ${id} ${at}`);
  const settings = new Settings(log);
  const instances = new Instances(context.globalState, context.secrets);
  instances.reportDroppedTo((line) => log.warn(line));
  const http = createNodeFetch();
  const calls = new Calls({
    tokenOf: (instance) => instances.token(instance),
    policy: () => ({ allowInsecureHttp: settings.allowInsecureHttp(), timeoutMs: settings.timeoutMs() }),
    fetch: http.fetch,
    log,
  });
  const checks = new StatusChecks(instances, calls, log);
  const replies = new ReplyDocuments(instances);
  const kit: Kit = { instances, settings, calls, checks, replies, log, feed: new EventFeed() };
  context.subscriptions.push(log, http, instances, replies);

  const panels = registerQr(context, kit, mark);
  const webhook = registerWebhook(context, kit);
  const watch = registerWatch(context, kit);
  const groups = registerGroups(context, kit);
  const { tree, view } = registerSidebar(context, kit, [webhook.children, groups.children], watch.marks);
  registerManage(context, kit);
  registerMessages(context, kit);
  registerDeepLinks(context, kit);
  const events = registerEvents(context, kit);
  registerSnippets(context, kit);
  const tools = registerTools(context, kit, {
    show: (instance) => void panels.show(instance),
    requestPairingCode: (instance, phone) => panels.show(instance, { refresh: false }).requestPairingCode(phone),
  });
  registerMcp(context, kit, tools);
  running = context.subscriptions;
  // Every token this machine holds is known to the redactor before any server text is shown (not awaited).
  instances.readAllTokens();
  // activate()'s own share of VS Code's activation figure.
  mark('activateCalled', '-', activateCalled);
  mark('activated');
  const forTests =
    context.extensionMode === vscode.ExtensionMode.Test
      ? { addFeedEventForTests: (event: NewFeedEvent) => void kit.feed.add(event) }
      : {};
  return {
    instancesTree: tree,
    instancesBadge: () => view.badge && { ...view.badge },
    eventsTree: events.tree,
    ...forTests,
  };
}

/**
 * VS Code disposes `context.subscriptions` after this returns; doing it here
 * first means no timer, socket or panel outlives the call, whoever calls it.
 */
export function deactivate(): void {
  for (const disposable of running?.splice(0).reverse() ?? []) {
    try {
      disposable.dispose();
    } catch {
      // One failing disposable must not keep the others alive.
    }
  }
  running = undefined;
}
