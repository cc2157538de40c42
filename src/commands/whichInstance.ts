import * as vscode from 'vscode';
import { parseBaseUrl } from '../core/baseUrl';
import { InstanceRef } from '../instance';
import { askBaseUrl } from '../prompts/askBaseUrl';
import { askInstanceKey } from '../prompts/askInstanceKey';
import { askToken } from '../prompts/askToken';
import { readSettings, saveBaseUrl } from '../settings';
import { InstanceStore } from '../storage/instanceStore';
import { TokenStore } from '../storage/tokenStore';
import { instanceFromArg } from './instanceArg';

export interface ResolveDeps {
  tokens: TokenStore;
  instances: InstanceStore;
}

/**
 * Asks, in order and only for what is missing: the host (saved to the user's
 * settings), the instance key and its token. Undefined when the user
 * pressed Esc at any prompt.
 */
export async function resolveInstance(arg: unknown, deps: ResolveDeps, options = { askToken: true }): Promise<InstanceRef | undefined> {
  const t = vscode.l10n.t;
  const settings = readSettings();
  const carried = instanceFromArg(arg, settings.allowInsecureHttp);
  if (carried === 'invalid') {
    void vscode.window.showErrorMessage(t('MegaAPI: that is not a valid instance.'));
    return undefined;
  }

  let baseUrl = carried.baseUrl;
  if (!baseUrl) {
    const configured = parseBaseUrl(settings.baseUrl, { allowInsecureHttp: settings.allowInsecureHttp });
    baseUrl = configured.ok ? configured.value : await askBaseUrl(settings.baseUrl, settings.allowInsecureHttp);
    if (!baseUrl) return undefined;
    if (!configured.ok || configured.value !== settings.baseUrl) await saveBaseUrl(baseUrl);
  }

  const key = carried.key ?? (await askInstanceKey(deps.instances.forBaseUrl(baseUrl).map((i) => i.key)));
  if (!key) return undefined;

  if (options.askToken && !(await deps.tokens.get(baseUrl, key))) {
    const token = await askToken(key);
    if (!token) return undefined;
    await storeToken(deps.tokens, { baseUrl, key }, token);
  }
  await deps.instances.touch(baseUrl, key);
  return { baseUrl, key };
}

export async function storeToken(tokens: TokenStore, instance: InstanceRef, token: string): Promise<void> {
  const persisted = await tokens.set(instance.baseUrl, instance.key, token);
  if (!persisted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('VS Code could not reach the system keyring, so the token for {0} is kept in memory until VS Code closes. On Linux, install and unlock a keyring (for example gnome-keyring) to keep it.', instance.key),
    );
  }
}
