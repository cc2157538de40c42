import * as vscode from 'vscode';
import { parseBaseUrl } from '../core/baseUrl';
import { baseUrlReason } from '../ui/reasons';

/** Asks for the MegaAPI host; the answer is normalised. Undefined when the user pressed Esc. */
export async function askBaseUrl(current: string, allowInsecureHttp: boolean): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const answer = await vscode.window.showInputBox({
    title: t('MegaAPI host'),
    prompt: t('The host of your MegaAPI instance, as shown in the MegaAPI panel.'),
    placeHolder: 'https://apinocode01.megaapi.com.br',
    value: current,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const parsed = parseBaseUrl(text, { allowInsecureHttp });
      return parsed.ok ? undefined : baseUrlReason(parsed.reason, t);
    },
  });
  if (answer === undefined) return undefined;
  const parsed = parseBaseUrl(answer, { allowInsecureHttp });
  return parsed.ok ? parsed.value : undefined;
}
