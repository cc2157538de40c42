import vscode = require('vscode');
import { Calls } from '../api/calls';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { askToken } from '../prompts/askToken';
import { registerSafely } from './guard';
import { WhichDeps, pickSavedInstance } from './whichInstance';

export interface TokenDeps extends WhichDeps {
  calls: Calls;
  log: vscode.LogOutputChannel;
}

export function registerTokenCommands(context: vscode.ExtensionContext, deps: TokenDeps): void {
  const t = vscode.l10n.t;
  registerSafely(context, deps.log, 'megaapi.setToken', async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, deps, t('Set the token of which instance?'));
    if (instance) await setCheckedToken(instance, deps);
  });
  registerSafely(context, deps.log, 'megaapi.clearToken', async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, deps, t('Clear the token of which instance?'));
    if (!instance) return;
    if (await deps.instances.clearToken(instance)) {
      void vscode.window.showInformationMessage(t('Token cleared for {0}.', instance.key));
      return;
    }
    const retry = t('Retry');
    const choice = await vscode.window.showErrorMessage(
      t('The keyring refused to delete the token for {0}: it is still stored.', instance.key),
      retry,
    );
    if (choice === retry) void vscode.commands.executeCommand('megaapi.clearToken', { instance });
  });
}

/**
 * Asks for a token, checks it with one cheap call, and stores it. Only a clear
 * rejection stops it: a host that is down says nothing about the token.
 */
export async function setCheckedToken(instance: InstanceRef, deps: TokenDeps, why?: string): Promise<boolean> {
  const t = vscode.l10n.t;
  if (why) void vscode.window.showWarningMessage(why);
  const token = await askToken(instance);
  if (!token) return false;
  const check = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Checking the token with MegaAPI…') },
    () => deps.calls.withToken(instance, token).getStatus(),
  );
  if (!check.ok && check.error.kind === 'unauthorized') {
    const again = t('Enter Again');
    const choice = await vscode.window.showErrorMessage(
      t('MegaAPI rejected this token for {0} on {1}. The token was not saved.', instance.key, hostOf(instance.baseUrl)),
      again,
    );
    return choice === again ? setCheckedToken(instance, deps) : false;
  }
  await keepToken(deps.instances, instance, token);
  await deps.instances.save(instance);
  void vscode.window.showInformationMessage(t('Token saved for {0}.', instance.key));
  return true;
}

/** Asks for a token and stores it unchecked: the panel's first call is the check. */
export async function storeToken(instances: Instances, instance: InstanceRef): Promise<boolean> {
  const token = await askToken(instance);
  if (!token) return false;
  await keepToken(instances, instance, token);
  return true;
}

async function keepToken(instances: Instances, instance: InstanceRef, token: string): Promise<void> {
  if (await instances.setToken(instance, token)) return;
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'VS Code could not reach the system keyring, so the token for {0} is kept in memory until VS Code closes. On Linux, install and unlock a keyring (for example gnome-keyring) to keep it.',
      instance.key,
    ),
  );
}
