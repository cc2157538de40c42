import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { parseToken } from '../core/token';
import { tokenReason } from '../text/reasons';
import { askParsed } from './askParsed';

/**
 * A password box for the instance token. It names the host as well as the
 * key, so nobody types a production token for a look-alike host. Undefined
 * when the user pressed Esc.
 */
export function askToken(instance: InstanceRef): Promise<string | undefined> {
  const t = vscode.l10n.t;
  return askParsed(
    {
      title: t('MegaAPI token for {0} on {1}', instance.key, hostOf(instance.baseUrl)),
      prompt: t("The token of this instance, from the MegaAPI panel. It is kept in VS Code's secret storage."),
      password: true,
    },
    parseToken,
    (reason) => tokenReason(reason, t),
  );
}
