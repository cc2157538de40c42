import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { RemoteAction, runRemote } from '../instances/remote';
import { NO_TOKEN_NEEDED, pickSavedInstance } from '../prompts/whichInstance';
import { remoteDoneText } from '../text/remoteText';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { confirm, inProgress } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { showApiError } from '../ui/showApiError';

/** Logout (unlink the phone), Restart and Remove: each undoes something the user may want, so each asks first, in a modal. */
export function registerLifecycleCommands(context: vscode.ExtensionContext, kit: Kit): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.logout, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Log out which instance?'));
    const question = (key: string) =>
      t('Log out {0}? The phone is unlinked and must scan a new QR code to link again.', key);
    if (!instance || !(await confirm(question(instance.key), t('Log Out'), hostLine(instance)))) return;
    await remote('logout', instance, t('Logging out {0}…', instance.key), kit);
  });
  registerSafely(context, kit.log, COMMANDS.restart, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Restart which instance?'));
    const question = (key: string) => t('Restart {0}? It is offline for a moment while it restarts.', key);
    if (!instance || !(await confirm(question(instance.key), t('Restart'), hostLine(instance)))) return;
    await remote('restart', instance, t('Restarting {0}…', instance.key), kit);
  });
  registerSafely(context, kit.log, COMMANDS.removeInstance, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Remove which instance?'), NO_TOKEN_NEEDED);
    const detail = t(
      'The instance itself stays as it is in MegaAPI; only this list and the stored token are affected.',
    );
    const question = (key: string) => t('Remove {0} from the list and forget its token?', key);
    if (!instance || !(await confirm(question(instance.key), t('Remove'), detail))) return;
    // Panels, the sidebar and the status bar follow the change event.
    const { tokenDeleted } = await kit.instances.remove(instance);
    if (tokenDeleted) {
      void vscode.window.showInformationMessage(t('{0} was removed from the list.', instance.key));
      return;
    }
    const retry = t('Retry');
    const choice = await vscode.window.showWarningMessage(
      t(
        '{0} was removed from the list, but the keyring refused to delete its token: it is still stored.',
        instance.key,
      ),
      retry,
    );
    if (choice === retry && !(await kit.instances.clearToken(instance))) {
      void vscode.window.showErrorMessage(
        t('The keyring refused to delete the token for {0}: it is still stored.', instance.key),
      );
    }
  });
}

function hostLine(instance: InstanceRef): string {
  return vscode.l10n.t('Host: {0}', hostOf(instance.baseUrl));
}

/** Runs it, says how it went, and lets the status check finish behind the message. */
async function remote(action: RemoteAction, instance: InstanceRef, title: string, kit: Kit): Promise<void> {
  const { result, checked } = await inProgress(title, () => runRemote(action, instance, kit), 'change');
  if (result.ok) {
    void vscode.window.showInformationMessage(remoteDoneText(action, instance.key, result.value, vscode.l10n.t));
  } else {
    void showApiError(result.error, instance, COMMANDS[action], kit.log);
  }
  await checked;
}
