import * as vscode from 'vscode';
import { InstanceRef } from '../instance';
import { askPhoneNumber } from '../prompts/askPhoneNumber';
import { PanelAction } from '../ui/actions';
import { PanelRegistry } from '../webview/panelRegistry';
import { instanceFromArg } from './instanceArg';
import { ResolveDeps, resolveInstance } from './resolveInstance';
import { readSettings } from '../settings';

/** Commands that act on a QR panel: pairing code, reveal, copy, save, and the panel's own buttons. */
export function registerPanelCommands(context: vscode.ExtensionContext, deps: ResolveDeps & { panels: PanelRegistry }): void {
  const { panels } = deps;
  const onActivePanel = (action: PanelAction) => () => {
    const panel = panels.active();
    if (panel) panel.perform(action);
    else void vscode.window.showInformationMessage(vscode.l10n.t('Open a MegaAPI QR panel first (MegaAPI: Show QR).'));
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('megaapi.pairingCode', async (arg?: unknown) => {
      const instance = await resolveInstance(arg, deps);
      if (!instance) return;
      const phone = await askPhoneNumber(instance);
      if (phone) panels.show(instance, { refresh: false }).requestPairingCode(phone);
    }),
    vscode.commands.registerCommand('megaapi.revealQrPanel', (arg?: unknown) => {
      const carried = instanceFromArg(arg, readSettings().allowInsecureHttp);
      if (carried !== 'invalid' && carried.key && carried.baseUrl) panels.get({ key: carried.key, baseUrl: carried.baseUrl })?.reveal();
    }),
    vscode.commands.registerCommand('megaapi.copyQr', onActivePanel('copyQr')),
    vscode.commands.registerCommand('megaapi.saveQr', onActivePanel('saveQr')),
  );
}

/** Panel buttons that are commands of their own. */
export function runPanelAction(instance: InstanceRef, action: PanelAction, log: vscode.LogOutputChannel): void {
  if (action === 'showLog') return log.show();
  const commands: Partial<Record<PanelAction, [string, unknown]>> = {
    setToken: ['megaapi.setToken', { instance }],
    editKey: ['megaapi.showQr', undefined],
    editBaseUrl: ['megaapi.setBaseUrl', { instance }],
    restart: ['megaapi.restart', { instance }],
  };
  const command = commands[action];
  if (command) void vscode.commands.executeCommand(command[0], command[1]);
}
