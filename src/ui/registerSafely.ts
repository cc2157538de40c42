import vscode = require('vscode');
import { logLine } from '../core/serverText';
import { CommandId } from './commandIds';

/**
 * Registers a command whose failures reach the user and the log instead of
 * becoming an unhandled rejection: whatever a handler throws, the user is
 * told in words, with the log one click away.
 */
export function registerSafely(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  command: CommandId,
  handler: (...args: unknown[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(command, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (thrown) {
        reportFailure(log, command, thrown);
        return undefined;
      }
    }),
  );
}

export function reportFailure(log: vscode.LogOutputChannel, where: string, thrown: unknown): void {
  const t = vscode.l10n.t;
  const detail = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  try {
    log.error(logLine(`${where} failed: ${detail}`));
  } catch {
    // A log channel VS Code already closed must not stop the user from being told.
  }
  const showLog = t('Show Log');
  void vscode.window
    .showErrorMessage(t('MegaAPI: something went wrong ({0}). Details are in the log.', where), showLog)
    .then((choice) => {
      if (choice === showLog) log.show();
    });
}
