import * as vscode from 'vscode';
import { parsePhoneNumber } from '../core/phoneNumber';
import { InstanceRef } from '../instance';
import { phoneReason } from '../ui/reasons';
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

async function askPhoneNumber(instance: InstanceRef): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const answer = await vscode.window.showInputBox({
    title: t('Link {0} with a phone number', instance.key),
    prompt: t('The WhatsApp number with country code, digits only. Brazil: 55 + DDD + number, for example 5511999999999.'),
    placeHolder: '5511999999999',
    ignoreFocusOut: true,
    validateInput: (text) => {
      const parsed = parsePhoneNumber(text);
      return parsed.ok ? undefined : phoneReason(parsed.reason, t);
    },
  });
  if (answer === undefined) return undefined;
  const parsed = parsePhoneNumber(answer);
  return parsed.ok ? parsed.value : undefined;
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
