import vscode = require('vscode');
import { clockTime } from '../core/clockTime';
import { InstanceRef } from '../core/instanceRef';
import { COMMANDS } from '../ui/commandIds';
import { commandAction, offer } from '../ui/notify';
import { dropText } from './dropText';
import { Mutes } from './mutes';
import { Drop } from './scheduler';

/** How long "connected again" stays in the status bar. */
const BACK_MESSAGE_MS = 10_000;

/**
 * The watch's words: one warning per drop with the fix one click away
 * (Show QR, Restart, Mute), and a quiet status-bar line when the instance is
 * back. `account` is who was linked before the drop, already inert.
 */
export function showDrop(drop: Drop, account: string, mutes: Mutes): void {
  const t = vscode.l10n.t;
  const since = clockTime(drop.since, vscode.env.language, 'minutes');
  const instance = drop.instance;
  const mute = { label: t('Mute'), run: () => void mutes.set(instance, true) };
  void offer('warning', dropText(drop, account, since, t), [
    commandAction(t('Show QR'), COMMANDS.showQr, instance),
    commandAction(t('Restart'), COMMANDS.restart, instance),
    mute,
  ]);
}

export function showBack(instance: InstanceRef): vscode.Disposable {
  const t = vscode.l10n.t;
  return vscode.window.setStatusBarMessage(t('MegaAPI: {0} is connected again.', instance.key), BACK_MESSAGE_MS);
}
