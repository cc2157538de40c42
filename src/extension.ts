import * as vscode from 'vscode';
import { InstanceApi } from './api/instanceApi';
import { registerHostCommand } from './commands/host';
import { registerShowQr } from './commands/showQr';
import { registerTokenCommands } from './commands/tokens';
import { createLog } from './log';
import { readSettings, readTiming } from './settings';
import { InstanceStore } from './storage/instanceStore';
import { TokenStore } from './storage/tokenStore';
import { PanelAction } from './ui/actions';
import { InstanceRef } from './instance';
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
  const panels = new PanelRegistry({
    extensionUri: context.extensionUri,
    api,
    log,
    timing: readTiming,
    closeWhenConnected: () => readSettings().closePanelWhenConnected,
    onAction: (instance, action) => runPanelAction(instance, action, log),
    onConnected: (instance) => log.info(`${instance.key} is connected`),
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
}

function runPanelAction(instance: InstanceRef, action: PanelAction, log: vscode.LogOutputChannel): void {
  const commands: Partial<Record<PanelAction, [string, unknown]>> = {
    setToken: ['megaapi.setToken', { instance }],
    editKey: ['megaapi.showQr', undefined],
    editBaseUrl: ['megaapi.setBaseUrl', { instance }],
  };
  if (action === 'showLog') return log.show();
  const command = commands[action];
  if (command) void vscode.commands.executeCommand(command[0], command[1]);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
