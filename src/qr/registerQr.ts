// The QR panel feature: Show QR, Link with Phone Number, reveal, copy and save the QR,
// the panel registry with its deps, and the serializer that brings panels back after a reload.
import vscode = require('vscode');
import { instanceId } from '../core/instanceRef';
import { Throttle } from '../core/throttle';
import { entryFromStatus } from '../instances/statusCache';
import { askForInstance, carriedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { registerSafely } from '../ui/registerSafely';
import { askPhoneNumber } from './askPhoneNumber';
import { panelAssetsFrom } from './assets';
import { PAIRING_ISSUED_AT } from './pairingThrottle';
import { PanelAction } from './panelActions';
import { PanelRegistry } from './panelRegistry';
import { registerQrSerializer } from './serializer';
import { PAIRING_THROTTLE_MS, timingFromSettings } from './timing';

/** Timing marks for `npm run bench`'s breakdown (`mark <name> <instance or -> <epochMs>`); free when tracing is off. */
export type Mark = (name: string, id?: string) => void;

export function registerQr(context: vscode.ExtensionContext, kit: Kit, mark: Mark): PanelRegistry {
  const { instances, settings, log } = kit;
  const panels = new PanelRegistry(
    {
      extensionUri: context.extensionUri,
      assets: panelAssetsFrom(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview').fsPath),
      calls: kit.calls,
      log,
      pairingThrottle: new Throttle(PAIRING_THROTTLE_MS, instances.record(PAIRING_ISSUED_AT)),
      timing: () => timingFromSettings(settings.qrNumbers()),
      closeWhenConnected: () => settings.closePanelWhenConnected(),
      onConnected: (instance, status) => {
        log.info(`${instance.key} is connected`);
        instances.setStatus(instance, entryFromStatus(status));
      },
      mark: (instance, name) => mark(name, instanceId(instance)),
    },
    instances,
  );
  context.subscriptions.push(panels, registerQrSerializer(panels));

  registerSafely(context, log, COMMANDS.showQr, async (arg?: unknown) => {
    mark('commandRun');
    const instance = await askForInstance(arg, kit);
    if (instance) panels.show(instance);
  });
  registerSafely(context, log, COMMANDS.pairingCode, async (arg?: unknown) => {
    const instance = await askForInstance(arg, kit);
    if (!instance) return;
    const phone = await askPhoneNumber(instance);
    if (phone) panels.show(instance, { refresh: false }).requestPairingCode(phone);
  });
  registerSafely(context, log, COMMANDS.revealQrPanel, (arg?: unknown) => {
    const instance = carriedInstance(arg);
    if (instance) panels.get(instance)?.reveal();
  });
  const onActivePanel = (action: PanelAction) => () => {
    const panel = panels.active();
    if (panel) panel.perform(action);
    else void vscode.window.showInformationMessage(vscode.l10n.t('Open a MegaAPI QR panel first (MegaAPI: Show QR).'));
  };
  registerSafely(context, log, COMMANDS.copyQr, onActivePanel('copyQr'));
  registerSafely(context, log, COMMANDS.saveQr, onActivePanel('saveQr'));
  return panels;
}
