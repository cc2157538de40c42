import * as vscode from 'vscode';
import { parseToken } from '../core/token';
import { tokenReason } from '../ui/reasons';

/** A password box for the instance token. Undefined when the user pressed Esc. */
export async function askToken(key: string): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const answer = await vscode.window.showInputBox({
    title: t('MegaAPI token for {0}', key),
    prompt: t('The token of this instance, from the MegaAPI panel. It is kept in VS Code\'s secret storage.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const parsed = parseToken(text);
      return parsed.ok ? undefined : tokenReason(parsed.reason, t);
    },
  });
  if (answer === undefined) return undefined;
  const parsed = parseToken(answer);
  return parsed.ok ? parsed.value : undefined;
}
