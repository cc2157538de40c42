import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { confirmNewHost } from '../prompts/confirmNewHost';
import { NO_TOKEN_NEEDED, pickSavedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { registerSafely } from '../ui/registerSafely';
import { linkProblemText } from './linkText';
import { LINK_ACTIONS, instanceLink, linkLogLine, parseInstanceLink } from './parseLink';

/** Copy Link to Instance. */
export function registerLinkCommands(context: vscode.ExtensionContext, kit: Kit): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.copyInstanceLink, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Copy a link to which instance?'), NO_TOKEN_NEEDED);
    if (!instance) return undefined;
    const link = instanceLink(vscode.env.uriScheme, context.extension.id, instance);
    await vscode.env.clipboard.writeText(link);
    void vscode.window.showInformationMessage(
      t(
        'Copied a link to {0} on {1}. It carries no token: whoever opens it in VS Code is asked for the token of this instance.',
        instance.key,
        hostOf(instance.baseUrl),
      ),
    );
    // Returned as well, for other extensions and the tests.
    return link;
  });
}

/** Opens what a link asks for, after checking it and, for a new host, asking. */
export async function openLink(uri: vscode.Uri, kit: Kit): Promise<void> {
  const t = vscode.l10n.t;
  const parsed = parseInstanceLink(uri.path, uri.query, { allowInsecureHttp: kit.settings.allowInsecureHttp() });
  kit.log.info(linkLogLine(uri.path, parsed));
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(linkProblemText(parsed.problem, t));
    return;
  }
  const { action, instance, tokenIgnored } = parsed.link;
  if (tokenIgnored) {
    void vscode.window.showWarningMessage(
      t(
        'The link to {0} carried a token. It was ignored and not stored: enter tokens only where VS Code asks for them.',
        instance.key,
      ),
    );
  }
  if (!(await confirmNewHost(instance, kit, 'link'))) {
    kit.log.info(`Deep link to ${instance.key} @ ${hostOf(instance.baseUrl)}: the new host was not confirmed`);
    return;
  }
  // The command asks for the token only when this machine has none, and saves the instance.
  await vscode.commands.executeCommand(LINK_ACTIONS[action], { instance });
}
