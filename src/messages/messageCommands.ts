import vscode = require('vscode');
import { LAST_RECIPIENT } from '../instances/lastRecipient';
import { Kit } from '../ui/kit';
import { registerCheckNumber } from './checkNumber';
import { registerSendTestMessage } from './sendTestMessage';

export function registerMessageCommands(context: vscode.ExtensionContext, kit: Kit): void {
  const recipients = kit.instances.record(LAST_RECIPIENT);
  registerSendTestMessage(context, kit, recipients);
  registerCheckNumber(context, kit, recipients);
}
