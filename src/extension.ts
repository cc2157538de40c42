import * as vscode from 'vscode';
import { Calls } from './api/calls';
import { nodeFetch } from './api/nodeFetch';
import { registerHostCommands } from './commands/host';
import { registerInstanceCommands } from './commands/instances';
import { registerLifecycleCommands } from './commands/lifecycle';
import { registerPanelCommands } from './commands/panelCommands';
import { registerShowQr } from './commands/showQr';
import { registerTokenCommands } from './commands/tokens';
import { instanceId } from './core/instanceRef';
import { Throttle } from './core/throttle';
import { Instances } from './instances/instances';
import { entryFromStatus } from './instances/statusCache';
import { createLog } from './log';
import { PAIRING_THROTTLE_MS } from './session/timing';
import { Settings } from './settings';
import { trackContextKeys } from './sidebar/contextKeys';
import { registerSidebar } from './sidebar/registerSidebar';
import { PanelRegistry } from './webview/panelRegistry';
import { registerQrSerializer } from './webview/serializer';
import { globalThrottleStore } from './instances/throttleStore';

/**
 * Builds the shared services and registers each feature. Nothing here waits
 * on the network: MegaAPI is only called when the user asks for something.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const settings = new Settings(log);
  const instances = new Instances(context.globalState, context.secrets);
  const calls = new Calls({
    tokenOf: (instance) => instances.token(instance),
    policy: () => ({ allowInsecureHttp: settings.allowInsecureHttp(), timeoutMs: settings.timeoutMs() }),
    fetch: nodeFetch,
    log,
  });
  const panels = new PanelRegistry(
    {
      extensionUri: context.extensionUri,
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
      mark: (instance, name) =>
        log.trace(`mark ${name} ${instanceId(instance)} ${performance.timeOrigin + performance.now()}`),
    },
    instances,
  );
  context.subscriptions.push(log, instances, panels, registerQrSerializer(panels), trackContextKeys(instances));

  const { tree } = registerSidebar(context, { instances, calls, log });
  const deps = { instances, settings, calls, panels, tree, log };
  registerShowQr(context, deps);
  registerTokenCommands(context, deps);
  registerHostCommands(context, deps);
  registerPanelCommands(context, deps);
  registerInstanceCommands(context, deps);
  registerLifecycleCommands(context, deps);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
