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
  handler: Handler,
): void {
  const slot = deferred.get(command);
  if (slot) {
    slot.handler = handler;
    return;
  }
  context.subscriptions.push(vscode.commands.registerCommand(command, safely(log, command, handler)));
}

type Handler = (...args: unknown[]) => unknown;

/** Commands registered at activation whose code is not loaded yet: the handler arrives when it is. */
const deferred = new Map<CommandId, { handler?: Handler }>();

/**
 * Registers commands whose code loads on first use: activation registers
 * them (so menus, the palette and keybindings find them), and the first call
 * of any of them runs `load`, whose `registerSafely` calls hand over the real
 * handlers instead of registering again.
 */
export function registerOnFirstUse(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  commands: readonly CommandId[],
  load: () => void,
): void {
  let loaded = false;
  for (const command of commands) {
    const slot: { handler?: Handler } = {};
    deferred.set(command, slot);
    const stub = safely(log, command, (...args) => {
      if (!loaded) {
        load();
        loaded = true;
      }
      if (!slot.handler) throw new Error(`${command} was not in the code loaded for it`);
      return slot.handler(...args);
    });
    context.subscriptions.push(vscode.commands.registerCommand(command, stub), {
      dispose: () => void (deferred.get(command) === slot && deferred.delete(command)),
    });
  }
}

function safely(log: vscode.LogOutputChannel, command: CommandId, handler: Handler): Handler {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (thrown) {
      reportFailure(log, command, thrown);
      return undefined;
    }
  };
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
