import vscode = require('vscode');
import { ApiError } from '../api/errors';
import { isNotLinked } from '../api/notLinked';
import { RawReply } from '../api/rawReply';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { COMMANDS, CommandId } from './commandIds';
import { Kit } from './kit';
import { ExtraAction, showApiError } from './showApiError';

/**
 * A notification while something that changes the world runs (a message
 * sent, a webhook written, a phone logged out); a reading only spins in the
 * status bar. VS Code drops a toast that comes within 800 ms of three others,
 * so a read, a write and the result all as toasts would swallow the result.
 */
export function inProgress<T>(title: string, task: () => Thenable<T>, kind: 'change' | 'read' = 'read'): Thenable<T> {
  const location = kind === 'change' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
  return vscode.window.withProgress({ location, title }, task);
}

/** A modal question with one button besides Cancel; true when the user pressed it. */
export async function confirm(question: string, button: string, detail?: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, button)) === button;
}

/** "Show Reply" for a notification, when an HTTP answer arrived. */
export function showReplyAction(instance: InstanceRef, reply: RawReply | undefined, kit: Pick<Kit, 'replies'>) {
  if (!reply) return [];
  return [{ label: vscode.l10n.t('Show Reply'), run: () => void kit.replies.show(instance, reply) }];
}

/** Runs a command on an instance, from a notification's button. */
export function commandAction(label: string, command: string, instance: InstanceRef): ExtraAction {
  return { label, run: () => void vscode.commands.executeCommand(command, { instance }) };
}

const SHOW = {
  info: (message: string, labels: string[]) => vscode.window.showInformationMessage(message, ...labels),
  warning: (message: string, labels: string[]) => vscode.window.showWarningMessage(message, ...labels),
  error: (message: string, labels: string[]) => vscode.window.showErrorMessage(message, ...labels),
};

/** A notification with actions; runs the one the user picks, if any. */
export async function offer(severity: keyof typeof SHOW, message: string, actions: ExtraAction[]): Promise<void> {
  const choice = await SHOW[severity](
    message,
    actions.map((a) => a.label),
  );
  actions.find((a) => a.label === choice)?.run();
}

/**
 * A failed call, told the panel's way (same words, same fixes), with Show
 * Reply. "Not linked" has no equivalent in the panel (the panel is where one
 * links): it offers Show QR, and the instance is checked again so the sidebar
 * stops showing it as connected.
 */
export async function showCallError(
  error: ApiError,
  reply: RawReply | undefined,
  instance: InstanceRef,
  command: CommandId,
  kit: Pick<Kit, 'replies' | 'checks' | 'log'>,
): Promise<void> {
  const t = vscode.l10n.t;
  const extra = showReplyAction(instance, reply, kit);
  if (error.kind !== 'api' || !isNotLinked(error)) return showApiError(error, instance, command, kit.log, extra);
  void kit.checks.one(instance);
  const message = t(
    '{0} is not linked to WhatsApp, so it cannot do this yet: link a phone first. MegaAPI answered: "{1}"',
    instance.key,
    serverText(error.message, 200),
  );
  await offer('error', message, [commandAction(t('Show QR'), COMMANDS.showQr, instance), ...extra]);
}
