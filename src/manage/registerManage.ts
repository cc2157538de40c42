// Managing an instance: Set Token, Clear Token, Set Host, Change Instance Key,
// Logout, Restart and Remove. Their code loads at the first call of any of them.
import vscode = require('vscode');
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { onFirstUse } from '../ui/loadOnFirstUse';
import { registerOnFirstUse } from '../ui/registerSafely';

const MANAGE_COMMANDS = [
  COMMANDS.setToken,
  COMMANDS.clearToken,
  COMMANDS.setBaseUrl,
  COMMANDS.changeInstanceKey,
  COMMANDS.logout,
  COMMANDS.restart,
  COMMANDS.removeInstance,
] as const;

export function registerManage(context: vscode.ExtensionContext, kit: Kit): void {
  registerOnFirstUse(context, kit.log, MANAGE_COMMANDS, () => onFirstUse().registerManageCommands(context, kit));
}
