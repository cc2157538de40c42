import vscode = require('vscode');
import { InstanceRef } from '../core/instanceRef';
import { askCheckedToken } from '../prompts/ensureToken';
import { NO_TOKEN_NEEDED, pickSavedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { registerSafely } from '../ui/registerSafely';

export function registerTokenCommands(context: vscode.ExtensionContext, kit: Kit): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.setToken, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Set the token of which instance?'), NO_TOKEN_NEEDED);
    if (instance) await setCheckedToken(instance, kit);
  });
  registerSafely(context, kit.log, COMMANDS.clearToken, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Clear the token of which instance?'), NO_TOKEN_NEEDED);
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

/** Set Token: the checked ask (`askCheckedToken`), then says it was saved. */
export async function setCheckedToken(instance: InstanceRef, kit: Kit, why?: string): Promise<boolean> {
  const stored = await askCheckedToken(instance, kit, why);
  if (stored) void vscode.window.showInformationMessage(vscode.l10n.t('Token saved for {0}.', instance.key));
  return stored;
}
