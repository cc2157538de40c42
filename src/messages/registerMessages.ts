// After the link, what shows the instance works: Send Test Message and
// Is This Number on WhatsApp?, which share the last destination typed.
// Their code loads at the first call of either.
import vscode = require('vscode');
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { onFirstUse } from '../ui/loadOnFirstUse';
import { registerOnFirstUse } from '../ui/registerSafely';

export function registerMessages(context: vscode.ExtensionContext, kit: Kit): void {
  registerOnFirstUse(context, kit.log, [COMMANDS.sendTestMessage, COMMANDS.checkNumber], () =>
    onFirstUse().registerMessageCommands(context, kit),
  );
}
