import * as vscode from 'vscode';
import { InstanceApi } from '../api/instanceApi';
import { InstanceRef } from '../instance';
import { askToken } from '../prompts/askToken';
import { chooseInstance } from './chooseInstance';
import { ResolveDeps, storeToken } from './resolveInstance';

export function registerTokenCommands(context: vscode.ExtensionContext, deps: ResolveDeps & { api: InstanceApi }): void {
  const t = vscode.l10n.t;
  context.subscriptions.push(
    vscode.commands.registerCommand('megaapi.setToken', async (arg?: unknown) => {
      const instance = await chooseInstance(arg, deps, t('Set the token of which instance?'));
      if (!instance) return;
      const token = await askToken(instance.key);
      if (!token) return;
      if (await rejectedByServer(instance, token, deps.api)) {
        const again = t('Enter Again');
        const choice = await vscode.window.showErrorMessage(t('MegaAPI rejected this token for {0}. The token was not saved.', instance.key), again);
        if (choice === again) await vscode.commands.executeCommand('megaapi.setToken', { instance });
        return;
      }
      await storeToken(deps.tokens, instance, token);
      await deps.instances.touch(instance.baseUrl, instance.key);
      void vscode.window.showInformationMessage(t('Token saved for {0}.', instance.key));
    }),
    vscode.commands.registerCommand('megaapi.clearToken', async (arg?: unknown) => {
      const instance = await chooseInstance(arg, deps, t('Clear the token of which instance?'));
      if (!instance) return;
      await deps.tokens.delete(instance.baseUrl, instance.key);
      void vscode.window.showInformationMessage(t('Token cleared for {0}.', instance.key));
    }),
  );
}

/**
 * One cheap authenticated call before storing. Only a clear rejection stops
 * it: a host that is down says nothing about the token.
 */
async function rejectedByServer(instance: InstanceRef, token: string, api: InstanceApi): Promise<boolean> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the token with MegaAPI…') },
    () => api.withToken(instance, token, 'Token check', (client) => client.getStatus(instance.key)),
  );
  return !result.ok && result.error.kind === 'unauthorized';
}
