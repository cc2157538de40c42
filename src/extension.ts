import * as vscode from 'vscode';
import { InstanceApi } from './api/instanceApi';
import { registerHostCommand } from './commands/host';
import { registerLifecycleCommands } from './commands/lifecycle';
import { registerPanelCommands, runPanelAction } from './commands/panelCommands';
import { registerShowQr } from './commands/showQr';
import { registerTokenCommands } from './commands/tokens';
import { createLog } from './log';
import { readSettings, readTiming } from './settings';
import { InstanceStore } from './storage/instanceStore';
import { TokenStore } from './storage/tokenStore';
import { Throttle } from './core/throttle';
import { PAIRING_THROTTLE_MS } from './session/pairing';
import { StatusCache, entryFromStatus } from './state/statusCache';
import { registerInstancesView } from './views/registerInstancesView';
import { PanelRegistry } from './webview/panelRegistry';
import { registerQrSerializer } from './webview/serializer';

/**
 * Builds the shared services and registers each feature. Nothing here waits
 * on the network: MegaAPI is only called when the user asks for something.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const tokens = new TokenStore(context.secrets);
  const instances = new InstanceStore(context.globalState);
  const api = new InstanceApi(tokens, log);
  const cache = new StatusCache();
  const panels = new PanelRegistry({
    extensionUri: context.extensionUri,
    api,
    log,
    pairingThrottle: new Throttle(PAIRING_THROTTLE_MS),
    timing: readTiming,
    closeWhenConnected: () => readSettings().closePanelWhenConnected,
    onAction: (instance, action) => runPanelAction(instance, action, log),
    onConnected: (instance, status) => {
      log.info(`${instance.key} is connected`);
      cache.set(instance, entryFromStatus(status));
      // Completes the walkthrough's last step.
      void vscode.commands.executeCommand('setContext', 'megaapi.anyConnected', true);
    },
  });
  context.subscriptions.push(
    log,
    tokens,
    instances,
    panels,
    registerQrSerializer(panels),
    // A new token applies at once to the panel that was waiting for it.
    tokens.onDidChange((instance) => panels.get(instance)?.refresh()),
  );

  registerShowQr(context, { tokens, instances, panels });
  registerTokenCommands(context, { tokens, instances, api });
  registerHostCommand(context);
  registerPanelCommands(context, { tokens, instances, panels });
  const tree = registerInstancesView(context, { tokens, instances, api, cache, log });
  registerLifecycleCommands(context, { tokens, instances, api, cache, panels, tree });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
