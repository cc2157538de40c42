// After the link, what shows the instance works: Send Test Message and
// Is This Number on WhatsApp?, which share the last destination typed.
import vscode = require('vscode');
import { Kit } from '../ui/kit';
import { registerCheckNumber } from './checkNumber';
import { LAST_RECIPIENT } from '../instances/lastRecipient';
import { registerSendTestMessage } from './sendTestMessage';

export function registerMessages(context: vscode.ExtensionContext, kit: Kit): void {
  const recipients = kit.instances.record(LAST_RECIPIENT);
  registerSendTestMessage(context, kit, recipients);
  registerCheckNumber(context, kit, recipients);
}
