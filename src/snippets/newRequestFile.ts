import vscode = require('vscode');
import { InstanceRecords } from '../instances/records';
import { NO_TOKEN_NEEDED, pickSavedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { registerSafely } from '../ui/registerSafely';
import { loadSnippets } from './loadSnippets';

/** New Request File: an untitled `.http` document with every call of the instance, for REST Client or JetBrains. */
export function registerNewRequestFile(
  context: vscode.ExtensionContext,
  kit: Kit,
  last: InstanceRecords<string>,
): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.newRequestFile, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('A request file for which instance?'), NO_TOKEN_NEEDED);
    if (!instance) return;
    const { requestFile, snippetValues } = await loadSnippets();
    const content = requestFile(instance, snippetValues(last.get(instance)), t);
    // `http` is REST Client's language id; without it installed VS Code shows plain text, which still reads well.
    const document = await vscode.workspace.openTextDocument({ language: 'http', content });
    await vscode.window.showTextDocument(document);
  });
}
