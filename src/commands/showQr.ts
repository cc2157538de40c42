import * as vscode from 'vscode';
import { PanelRegistry } from '../webview/panelRegistry';
import { ResolveDeps, resolveInstance } from './resolveInstance';

export function registerShowQr(context: vscode.ExtensionContext, deps: ResolveDeps & { panels: PanelRegistry }): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('megaapi.showQr', async (arg?: unknown) => {
      const instance = await resolveInstance(arg, deps);
      if (instance) deps.panels.show(instance);
    }),
  );
}
