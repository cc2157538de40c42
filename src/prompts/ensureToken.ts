import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { Kit } from '../ui/kit';
import { inProgress } from '../ui/notify';
import { askToken, keepToken } from './askToken';

type TokenKit = Pick<Kit, 'instances' | 'calls'>;

/**
 * Asks for the token in the password box that names the host, checks it with
 * one cheap call, and stores it. Only a clear rejection stops it (and offers
 * to enter it again): a host that is down says nothing about the token.
 * False when the user gave up.
 */
export async function askCheckedToken(instance: InstanceRef, kit: TokenKit, why?: string): Promise<boolean> {
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
    return choice === again ? askCheckedToken(instance, kit) : false;
  }
  await keepToken(kit.instances, instance, token);
  await kit.instances.save(instance);
  return true;
}

/**
 * For every command that needs a token: true when this machine has one for
 * the instance, else it is asked for (checked before it is stored) and the
 * command goes on with what the user asked for, instead of stopping at
 * "No token is stored". False when the user pressed Esc.
 */
export async function ensureToken(instance: InstanceRef, kit: TokenKit): Promise<boolean> {
  if (await kit.instances.token(instance)) return true;
  return askCheckedToken(instance, kit);
}
