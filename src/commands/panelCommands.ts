import vscode = require('vscode');
import { askPhoneNumber } from '../prompts/askPhoneNumber';
import { PanelAction } from '../webview/panelActions';
import { PanelRegistry } from '../webview/panelRegistry';
import { registerSafely } from './guard';
import { WhichDeps, askForInstance, givenInstance } from './whichInstance';

/** Commands that act on a QR panel: pairing code, reveal, copy and save. */
export function registerPanelCommands(
  context: vscode.ExtensionContext,
  deps: WhichDeps & { panels: PanelRegistry; log: vscode.LogOutputChannel },
): void {
  const { panels, log } = deps;
  const onActivePanel = (action: PanelAction) => () => {
    const panel = panels.active();
    if (panel) panel.perform(action);
    else void vscode.window.showInformationMessage(vscode.l10n.t('Open a MegaAPI QR panel first (MegaAPI: Show QR).'));
  };
  registerSafely(context, log, 'megaapi.pairingCode', async (arg?: unknown) => {
    const instance = await askForInstance(arg, deps);
    if (!instance) return;
    const phone = await askPhoneNumber(instance);
    if (phone) panels.show(instance, { refresh: false }).requestPairingCode(phone);
  });
  registerSafely(context, log, 'megaapi.revealQrPanel', (arg?: unknown) => {
    const given = givenInstance(arg);
    if (typeof given === 'object' && 'instance' in given) panels.get(given.instance)?.reveal();
  });
  registerSafely(context, log, 'megaapi.copyQr', onActivePanel('copyQr'));
  registerSafely(context, log, 'megaapi.saveQr', onActivePanel('saveQr'));
}
