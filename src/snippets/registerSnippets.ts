// Copy Request as Code and New Request File: any MegaAPI call as working
// code for the selected instance, built from the same endpoint descriptions
// the extension sends, with the token always read from MEGAAPI_TOKEN.
import vscode = require('vscode');
import { LAST_RECIPIENT } from '../instances/lastRecipient';
import { Kit } from '../ui/kit';
import { registerCopyAsCode } from './copyAsCode';
import { registerNewRequestFile } from './newRequestFile';

export function registerSnippets(context: vscode.ExtensionContext, kit: Kit): void {
  // Read only: Send Test Message writes it; its own record follows renames and removals.
  const last = kit.instances.record(LAST_RECIPIENT);
  registerCopyAsCode(context, kit, last);
  registerNewRequestFile(context, kit, last);
}
