import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { parseToken } from '../core/token';
import { tokenReason } from '../text/reasons';
import { askParsed } from './askParsed';

/**
 * A password box for the instance token. It names the host as well as the
 * key, so nobody types a production token for a look-alike host. Undefined
 * when the user pressed Esc.
 */
export function askToken(instance: InstanceRef): Promise<string | undefined> {
  const t = vscode.l10n.t;
  return askParsed(
    {
      title: t('MegaAPI token for {0} on {1}', instance.key, hostOf(instance.baseUrl)),
      prompt: t("The token of this instance, from the MegaAPI panel. It is kept in VS Code's secret storage."),
      password: true,
    },
    parseToken,
    (reason) => tokenReason(reason, t),
  );
}

/** Asks for a token and stores it unchecked: the panel's first call is the check. */
export async function storeToken(instances: Instances, instance: InstanceRef): Promise<boolean> {
  const token = await askToken(instance);
  if (!token) return false;
  await keepToken(instances, instance, token);
  return true;
}

/** Stores a token, saying so when only memory could keep it. */
export async function keepToken(instances: Instances, instance: InstanceRef, token: string): Promise<void> {
  if (await instances.setToken(instance, token)) return;
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'VS Code could not reach the system keyring, so the token for {0} is kept in memory until VS Code closes. On Linux, install and unlock a keyring (for example gnome-keyring) to keep it.',
      instance.key,
    ),
  );
}
