import vscode = require('vscode');
import { parseBaseUrl } from '../core/baseUrl';
import { baseUrlReason } from '../text/reasons';
import { askParsed } from './askParsed';

/** Asks for the MegaAPI host; the answer is normalised. Undefined when the user pressed Esc. */
export function askBaseUrl(current: string, allowInsecureHttp: boolean): Promise<string | undefined> {
  const t = vscode.l10n.t;
  return askParsed(
    {
      title: t('MegaAPI host'),
      prompt: t('The host of your MegaAPI instance, as shown in the MegaAPI panel.'),
      placeHolder: 'https://apinocode01.megaapi.com.br',
      value: current,
    },
    (text) => parseBaseUrl(text, { allowInsecureHttp }),
    (reason) => baseUrlReason(reason, t),
  );
}
