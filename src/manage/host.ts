import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { InstanceRef, sameInstance } from '../core/instanceRef';
import { parseInstanceKey } from '../core/instanceKey';
import { askBaseUrl } from '../prompts/askBaseUrl';
import { askParsed } from '../prompts/askParsed';
import { confirmNewHost } from '../prompts/confirmNewHost';
import { instanceKeyReason } from '../text/reasons';
import { carriedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { registerSafely } from '../ui/registerSafely';
import { setCheckedToken } from './tokens';

/**
 * "Set Host" from the palette changes the host new instances start with.
 * From an instance (its panel or sidebar item) it edits that instance in
 * place, as does "Change Instance Key": the saved entry, the token and the
 * open panel follow, and nothing stale is left behind.
 */
export function registerHostCommands(context: vscode.ExtensionContext, kit: Kit): void {
  const { settings, log } = kit;
  registerSafely(context, log, COMMANDS.setBaseUrl, async (arg?: unknown) => {
    const instance = carriedInstance(arg);
    const allowInsecureHttp = settings.allowInsecureHttp();
    if (instance) {
      const baseUrl = await askBaseUrl(instance.baseUrl, allowInsecureHttp);
      if (!baseUrl) return;
      const to = { baseUrl, key: instance.key };
      // Its token goes to the new host at once: a host never used asks first, as a deep link does.
      if (!sameInstance(instance, to) && !(await confirmNewHost(to, kit, 'move'))) return;
      await moveInstance(instance, to, kit);
      return;
    }
    const baseUrl = await askBaseUrl(settings.baseUrl(), allowInsecureHttp);
    if (baseUrl) await settings.saveBaseUrl(baseUrl);
  });
  registerSafely(context, log, COMMANDS.changeInstanceKey, async (arg?: unknown) => {
    const instance = carriedInstance(arg);
    if (!instance) {
      // Without an instance there is nothing to change: adding one is Show QR's job.
      await vscode.commands.executeCommand(COMMANDS.showQr);
      return;
    }
    const key = await askInstanceKey(instance);
    if (key) await moveInstance(instance, { baseUrl: instance.baseUrl, key }, kit);
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
async function moveInstance(from: InstanceRef, to: InstanceRef, kit: Kit): Promise<void> {
  if (sameInstance(from, to)) return;
  const t = vscode.l10n.t;
  const { tokenMoved } = await kit.instances.rename(from, to);
  if (!tokenMoved && !(await kit.instances.token(to))) {
    await setCheckedToken(to, kit);
    return;
  }
  const check = await kit.calls.for(to).getStatus();
  if (!check.ok && check.error.kind === 'unauthorized') {
    await setCheckedToken(
      to,
      kit,
      t('{0} rejected the token of {1}. Enter the token for this host.', hostOf(to.baseUrl), to.key),
    );
  }
}
