import * as vscode from 'vscode';
import { askBaseUrl } from '../prompts/askBaseUrl';
import { readSettings, saveBaseUrl } from '../settings';
import { instanceFromArg } from './instanceArg';

/** "MegaAPI: Set Host": from the palette, or from a panel whose host answered 404. */
export function registerHostCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('megaapi.setBaseUrl', async (arg?: unknown) => {
      const settings = readSettings();
      const carried = instanceFromArg(arg, settings.allowInsecureHttp);
      const baseUrl = await askBaseUrl(carried !== 'invalid' && carried.baseUrl ? carried.baseUrl : settings.baseUrl, settings.allowInsecureHttp);
      if (!baseUrl) return;
      await saveBaseUrl(baseUrl);
      if (carried !== 'invalid' && carried.key) {
        await vscode.commands.executeCommand('megaapi.showQr', { instance: { key: carried.key, baseUrl } });
      }
    }),
  );
}
