import vscode = require('vscode');
import { Calls } from './api/calls';
import { createNodeFetch } from './api/nodeFetch';
import { registerAfterLink } from './commands/afterLink';
import { registerHostCommands } from './commands/host';
import { registerInstanceCommands } from './commands/instances';
import { registerLifecycleCommands } from './commands/lifecycle';
import { registerPanelCommands } from './commands/panelCommands';
import { registerShowQr } from './commands/showQr';
import { registerTokenCommands } from './commands/tokens';
import { instanceId } from './core/instanceRef';
import { registerDeepLinks } from './commands/deepLinks';
import { Throttle } from './core/throttle';
import { Instances } from './instances/instances';
import { entryFromStatus } from './instances/statusCache';
import { globalThrottleStore } from './instances/throttleStore';
import { createLog } from './log';
import { PAIRING_THROTTLE_MS } from './session/timing';
import { Settings } from './settings';
import { trackContextKeys } from './sidebar/contextKeys';
import { registerSidebar } from './sidebar/registerSidebar';
import { registerTools } from './tools/registerTools';
import { panelAssetsFrom } from './webview/assets';
import { PanelRegistry } from './webview/panelRegistry';
import { registerQrSerializer } from './webview/serializer';

/** What the extension offers other extensions (and its API test suite): read-only views of its state. */
export interface MegaApiExtensionApi {
  /** The sidebar's tree data provider, exactly as VS Code renders it. */
  readonly instancesTree: vscode.TreeDataProvider<vscode.TreeItem>;
  /** The badge the instances view shows on the activity-bar icon, if any (a copy). */
  instancesBadge(): vscode.ViewBadge | undefined;
}

/** The running extension's disposables, so `deactivate` can close sockets and timers at once. */
let running: vscode.Disposable[] | undefined;

/**
 * Builds the shared services and registers each feature. Nothing here waits
 * on the network: MegaAPI is only called when the user asks for something.
 */
export function activate(context: vscode.ExtensionContext): MegaApiExtensionApi {
  const activateCalled = Date.now();
  const log = createLog();
  // Timing marks for `npm run bench`'s breakdown (`mark <name> <instance or -> <epochMs>`); free when tracing is off.
  const mark = (name: string, id = '-', at = Date.now()) => log.trace(`mark ${name} ${id} ${at}`);
  const settings = new Settings(log);
  const instances = new Instances(context.globalState, context.secrets);
  const http = createNodeFetch();
  const calls = new Calls({
    tokenOf: (instance) => instances.token(instance),
    policy: () => ({ allowInsecureHttp: settings.allowInsecureHttp(), timeoutMs: settings.timeoutMs() }),
    fetch: http.fetch,
    log,
  });
  const panels = new PanelRegistry(
    {
      extensionUri: context.extensionUri,
      assets: panelAssetsFrom(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview').fsPath),
      calls,
      log,
      // Shared through globalState, so a second window cannot ask WhatsApp for a code too soon.
      pairingThrottle: new Throttle(PAIRING_THROTTLE_MS, globalThrottleStore(context.globalState)),
      timing: () => settings.timing(),
      closeWhenConnected: () => settings.closePanelWhenConnected(),
      onConnected: (instance, status) => {
        log.info(`${instance.key} is connected`);
        instances.setStatus(instance, entryFromStatus(status));
      },
      mark: (instance, name) => mark(name, instanceId(instance)),
    },
    instances,
  );
  context.subscriptions.push(log, http, instances, panels, registerQrSerializer(panels), trackContextKeys(instances));

  const { tree, view } = registerSidebar(context, { instances, calls, log });
  const deps = { instances, settings, calls, panels, tree, log };
  registerShowQr(context, { ...deps, mark });
  registerTokenCommands(context, deps);
  registerHostCommands(context, deps);
  registerPanelCommands(context, deps);
  registerInstanceCommands(context, deps);
  registerLifecycleCommands(context, deps);
  registerAfterLink(context, deps);
  registerDeepLinks(context, deps);
  registerTools(context, deps);
  running = context.subscriptions;
  // activate()'s own share of VS Code's activation figure.
  mark('activateCalled', '-', activateCalled);
  mark('activated');
  return { instancesTree: tree, instancesBadge: () => view.badge && { ...view.badge } };
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
