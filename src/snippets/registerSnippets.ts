// Copy Request as Code and New Request File: any MegaAPI call as working
// code for the selected instance, built from the same endpoint descriptions
// the extension sends, with the token always read from MEGAAPI_TOKEN.
// Their code loads at the first call of either, the templates after that.
import vscode = require('vscode');
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { onFirstUse } from '../ui/loadOnFirstUse';
import { registerOnFirstUse } from '../ui/registerSafely';

export function registerSnippets(context: vscode.ExtensionContext, kit: Kit): void {
  registerOnFirstUse(context, kit.log, [COMMANDS.copyAsCode, COMMANDS.newRequestFile], () =>
    onFirstUse().registerSnippetCommands(context, kit),
  );
}
