import vscode = require('vscode');
import { InstanceRef } from '../core/instanceRef';
import { InstanceRecords } from '../instances/records';
import { NO_TOKEN_NEEDED, pickSavedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { registerSafely } from '../ui/registerSafely';
import { SnippetEngine, loadSnippets } from './loadSnippets';
import type { CallId } from './snippetCalls';
import type { LanguageId } from './templates/template';

/**
 * Copy Request as Code: a call, then a language, then the snippet on the
 * clipboard. `{ instance, call, language }` skips the pickers (keybindings,
 * tests). The clipboard never gets the token: each template reads
 * MEGAAPI_TOKEN, and nothing here reads the stored token at all.
 */
export function registerCopyAsCode(context: vscode.ExtensionContext, kit: Kit, last: InstanceRecords<string>): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.copyAsCode, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Copy a request of which instance?'), NO_TOKEN_NEEDED);
    if (!instance) return;
    const engine = await loadSnippets();
    const { LANGUAGES, SNIPPET_CALLS, callLabel, renderSnippet, snippetRequest, snippetValues, snippetWords } = engine;
    const callIds = SNIPPET_CALLS.map((c) => c.id);
    const call = given(arg, 'call', callIds) ?? (await pickCall(instance, engine));
    if (!call) return;
    const languageIds = LANGUAGES.map((l) => l.id);
    const language = given(arg, 'language', languageIds) ?? (await pickLanguage(instance, call, engine));
    if (!language) return;
    const template = LANGUAGES.find((l) => l.id === language);
    const request = snippetRequest(instance, call, snippetValues(last.get(instance)));
    if (!template || !request) return;
    await vscode.env.clipboard.writeText(renderSnippet(template, request, snippetWords(instance, call, t)));
    void vscode.window.showInformationMessage(
      t(
        'Copied "{0}" of {1} as {2}. It reads the token from the environment variable MEGAAPI_TOKEN.',
        callLabel(call, t),
        instance.key,
        template.label,
      ),
    );
  });
}

function given<T extends string>(arg: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const value = (arg as Record<string, unknown>)[field];
  return allowed.find((id) => id === value);
}

async function pickCall(instance: InstanceRef, engine: SnippetEngine): Promise<CallId | undefined> {
  const t = vscode.l10n.t;
  const { SNIPPET_CALLS, callLabel, snippetValues } = engine;
  const items = SNIPPET_CALLS.map((call) => {
    const id = call.id;
    const shape = call.endpoint('{key}', snippetValues(undefined));
    return { id, label: callLabel(id, t), description: `${shape.method} /rest/${shape.path.join('/')}` };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Copy Request as Code: {0}', instance.key),
    placeHolder: t('Which call?'),
    matchOnDescription: true,
    // Two steps: a notification or a panel taking focus between them must not lose the first answer.
    ignoreFocusOut: true,
  });
  return picked?.id;
}

async function pickLanguage(
  instance: InstanceRef,
  call: CallId,
  { LANGUAGES, callLabel }: SnippetEngine,
): Promise<LanguageId | undefined> {
  const t = vscode.l10n.t;
  const items = LANGUAGES.map(({ id, label }) => ({ id, label }));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Copy Request as Code: {0}', instance.key),
    placeHolder: t('"{0}" in which language?', callLabel(call, t)),
    ignoreFocusOut: true,
  });
  return picked?.id;
}
