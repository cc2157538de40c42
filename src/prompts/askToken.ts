import * as vscode from 'vscode';
import { parseToken } from '../core/token';
import { tokenReason } from '../ui/reasons';
import { askParsed } from './askParsed';

/** A password box for the instance token. Undefined when the user pressed Esc. */
export function askToken(key: string): Promise<string | undefined> {
  const t = vscode.l10n.t;
  return askParsed(
    {
      title: t('MegaAPI token for {0}', key),
      prompt: t('The token of this instance, from the MegaAPI panel. It is kept in VS Code\'s secret storage.'),
      password: true,
    },
    parseToken,
    (reason) => tokenReason(reason, t),
  );
}
