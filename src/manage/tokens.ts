import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { askToken, keepToken } from '../prompts/askToken';
import { pickSavedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { inProgress } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';

export function registerTokenCommands(context: vscode.ExtensionContext, kit: Kit): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.setToken, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Set the token of which instance?'));
    if (instance) await setCheckedToken(instance, kit);
  });
  registerSafely(context, kit.log, COMMANDS.clearToken, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Clear the token of which instance?'));
    if (!instance) return;
    if (await kit.instances.clearToken(instance)) {
      void vscode.window.showInformationMessage(t('Token cleared for {0}.', instance.key));
      return;
    }
    const retry = t('Retry');
    const choice = await vscode.window.showErrorMessage(
      t('The keyring refused to delete the token for {0}: it is still stored.', instance.key),
      retry,
    );
    if (choice === retry) void vscode.commands.executeCommand(COMMANDS.clearToken, { instance });
  });
}

/**
 * Asks for a token, checks it with one cheap call, and stores it. Only a clear
 * rejection stops it: a host that is down says nothing about the token.
 */
export async function setCheckedToken(instance: InstanceRef, kit: Kit, why?: string): Promise<boolean> {
  const t = vscode.l10n.t;
  if (why) void vscode.window.showWarningMessage(why);
  const token = await askToken(instance);
  if (!token) return false;
  const check = await inProgress(
    t('Checking the token with MegaAPI…'),
    () => kit.calls.withToken(instance, token).getStatus(),
    'change',
  );
  if (!check.ok && check.error.kind === 'unauthorized') {
    const again = t('Enter Again');
    const choice = await vscode.window.showErrorMessage(
      t('MegaAPI rejected this token for {0} on {1}. The token was not saved.', instance.key, hostOf(instance.baseUrl)),
      again,
    );
    return choice === again ? setCheckedToken(instance, kit) : false;
  }
  await keepToken(kit.instances, instance, token);
  await kit.instances.save(instance);
  void vscode.window.showInformationMessage(t('Token saved for {0}.', instance.key));
  return true;
}
