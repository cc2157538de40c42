// Deep links: the URI handler that opens an instance from a link (showQr, pairingCode),
// and the Copy Link to Instance command that makes such a link.
import vscode = require('vscode');
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { onFirstUse } from '../ui/loadOnFirstUse';
import { registerOnFirstUse, reportFailure } from '../ui/registerSafely';

/**
 * `{uriScheme}://megaapi-community.megaapi-vscode/showQr?host=…&key=…` (and
 * `/pairingCode`) from a web page or a colleague, and the command that makes
 * such a link. The scheme is VS Code's own (`vscode`, `vscode-insiders`,
 * `vscodium`…), so links are built from `vscode.env.uriScheme`, never typed.
 */
export function registerDeepLinks(context: vscode.ExtensionContext, kit: Kit): void {
  context.subscriptions.push(
    vscode.window.registerUriHandler({
      handleUri: (uri) => {
        // The link code loads with the first link (src/onFirstUse.ts).
        Promise.resolve()
          .then(() => onFirstUse().openLink(uri, kit))
          .catch((thrown: unknown) => reportFailure(kit.log, 'deep link', thrown));
      },
    }),
  );
  registerOnFirstUse(context, kit.log, [COMMANDS.copyInstanceLink], () =>
    onFirstUse().registerLinkCommands(context, kit),
  );
}
