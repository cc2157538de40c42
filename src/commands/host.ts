import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { InstanceRef, sameInstance } from '../core/instanceRef';
import { parseInstanceKey } from '../core/instanceKey';
import { askBaseUrl } from '../prompts/askBaseUrl';
import { askParsed } from '../prompts/askParsed';
import { instanceKeyReason } from '../text/reasons';
import { registerSafely } from './guard';
import { TokenDeps, setCheckedToken } from './tokens';
import { givenInstance } from './whichInstance';

/**
 * "Set Host" from the palette changes the host new instances start with.
 * From an instance (its panel or sidebar item) it edits that instance in
 * place, as does "Change Instance Key": the saved entry, the token and the
 * open panel follow, and nothing stale is left behind.
 */
export function registerHostCommands(context: vscode.ExtensionContext, deps: TokenDeps): void {
  const { settings, log } = deps;
  registerSafely(context, log, 'megaapi.setBaseUrl', async (arg?: unknown) => {
    const given = givenInstance(arg);
    const allowInsecureHttp = settings.allowInsecureHttp();
    if (typeof given === 'object' && 'instance' in given) {
      const baseUrl = await askBaseUrl(given.instance.baseUrl, allowInsecureHttp);
      if (baseUrl) await moveInstance(given.instance, { baseUrl, key: given.instance.key }, deps);
      return;
    }
    const baseUrl = await askBaseUrl(settings.baseUrl(), allowInsecureHttp);
    if (baseUrl) await settings.saveBaseUrl(baseUrl);
  });
  registerSafely(context, log, 'megaapi.changeInstanceKey', async (arg?: unknown) => {
    const given = givenInstance(arg);
    if (!(typeof given === 'object' && 'instance' in given)) {
      // Without an instance there is nothing to change: adding one is Show QR's job.
      await vscode.commands.executeCommand('megaapi.showQr');
      return;
    }
    const key = await askInstanceKey(given.instance);
    if (key) await moveInstance(given.instance, { baseUrl: given.instance.baseUrl, key }, deps);
  });
}

function askInstanceKey(instance: InstanceRef): Promise<string | undefined> {
  const t = vscode.l10n.t;
  return askParsed(
    {
      title: t('Change the instance key of {0}', instance.key),
      prompt: t('The key of the instance, as shown in the MegaAPI panel.'),
      value: instance.key,
    },
    parseInstanceKey,
    (reason) => instanceKeyReason(reason, t),
  );
}

/**
 * Renames the instance, moving its token, then checks the token once against
 * the new address: only a clear rejection asks for another one.
 */
async function moveInstance(from: InstanceRef, to: InstanceRef, deps: TokenDeps): Promise<void> {
  if (sameInstance(from, to)) return;
  const t = vscode.l10n.t;
  const { tokenMoved } = await deps.instances.rename(from, to);
  if (!tokenMoved && !(await deps.instances.token(to))) {
    await setCheckedToken(to, deps);
    return;
  }
  const check = await deps.calls.for(to).getStatus();
  if (!check.ok && check.error.kind === 'unauthorized') {
    await setCheckedToken(
      to,
      deps,
      t('{0} rejected the token of {1}. Enter the token for this host.', hostOf(to.baseUrl), to.key),
    );
  }
}
