import vscode = require('vscode');
import { PanelRegistry } from '../webview/panelRegistry';
import { registerSafely } from './guard';
import { WhichDeps, askForInstance } from './whichInstance';

export function registerShowQr(
  context: vscode.ExtensionContext,
  deps: WhichDeps & { panels: PanelRegistry; log: vscode.LogOutputChannel; mark(name: string): void },
): void {
  registerSafely(context, deps.log, 'megaapi.showQr', async (arg?: unknown) => {
    deps.mark('commandRun');
    const instance = await askForInstance(arg, deps);
    if (instance) deps.panels.show(instance);
  });
}
