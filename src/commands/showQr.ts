import * as vscode from 'vscode';
import { PanelRegistry } from '../webview/panelRegistry';
import { registerSafely } from './guard';
import { WhichDeps, askForInstance } from './whichInstance';

export function registerShowQr(
  context: vscode.ExtensionContext,
  deps: WhichDeps & { panels: PanelRegistry; log: vscode.LogOutputChannel },
): void {
  registerSafely(context, deps.log, 'megaapi.showQr', async (arg?: unknown) => {
    const instance = await askForInstance(arg, deps);
    if (instance) deps.panels.show(instance);
  });
}
