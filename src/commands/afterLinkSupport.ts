import vscode = require('vscode');
import { ApiError } from '../api/errors';
import { isNotLinked } from '../api/notLinked';
import { RawReply } from '../api/rawReply';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { InstancesTree } from '../sidebar/instancesTree';
import { ReplyDocuments } from './showReply';
import { ExtraAction, showApiError } from './showApiError';
import { TokenDeps } from './tokens';

/** What the commands used once an instance is linked (test message, number check, webhook) share. */
export interface AfterLinkDeps extends TokenDeps {
  tree: InstancesTree;
  replies: ReplyDocuments;
}

/**
 * A notification while something that changes the world runs (a message
 * sent, a webhook written); a reading only spins in the status bar. VS Code
 * drops a toast that comes within 800 ms of three others, so a read, a write
 * and the result all as toasts would swallow the result.
 */
export function inProgress<T>(title: string, task: () => Thenable<T>, kind: 'change' | 'read' = 'read'): Thenable<T> {
  const location = kind === 'change' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
  return vscode.window.withProgress({ location, title }, task);
}

/** "Show Reply" for a notification, when an HTTP answer arrived. */
export function showReplyAction(
  instance: InstanceRef,
  reply: RawReply | undefined,
  deps: AfterLinkDeps,
): ExtraAction[] {
  if (!reply) return [];
  return [{ label: vscode.l10n.t('Show Reply'), run: () => void deps.replies.show(instance, reply) }];
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
 * links): it offers Show QR, and the sidebar checks the instance again so it
 * stops showing it as connected.
 */
export async function showCallError(
  error: ApiError,
  reply: RawReply | undefined,
  instance: InstanceRef,
  command: string,
  deps: AfterLinkDeps,
): Promise<void> {
  const t = vscode.l10n.t;
  const extra = showReplyAction(instance, reply, deps);
  if (error.kind !== 'api' || !isNotLinked(error)) return showApiError(error, instance, command, deps.log, extra);
  void deps.tree.refreshOne(instance);
  const showQr = {
    label: t('Show QR'),
    run: () => void vscode.commands.executeCommand('megaapi.showQr', { instance }),
  };
  const message = t(
    '{0} is not linked to WhatsApp, so it cannot do this yet: link a phone first. MegaAPI answered: "{1}"',
    instance.key,
    serverText(error.message, 200),
  );
  await offer('error', message, [showQr, ...extra]);
}
