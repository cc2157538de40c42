import vscode = require('vscode');
import { LAST_RECIPIENT } from '../instances/lastRecipient';
import { Kit } from '../ui/kit';
import { registerCopyAsCode } from './copyAsCode';
import { registerNewRequestFile } from './newRequestFile';

export function registerSnippetCommands(context: vscode.ExtensionContext, kit: Kit): void {
  // Read only: Send Test Message writes it; its own record follows renames and removals.
  const last = kit.instances.record(LAST_RECIPIENT);
  registerCopyAsCode(context, kit, last);
  registerNewRequestFile(context, kit, last);
}
