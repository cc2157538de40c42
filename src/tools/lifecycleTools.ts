import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { RemoteAction, runRemote } from '../instances/remote';
import { describeError } from '../text/errorText';
import { remoteDoneText } from '../text/remoteText';
import { ToolDeps, ToolSpec, onSavedInstance } from './toolKit';

/** Unlinks the phone (confirmed first: see confirmations.ts). */
export function logoutInstance(deps: ToolDeps): ToolSpec {
  return remoteTool('logout', () => vscode.l10n.t('Logging out the instance…'), deps);
}

export function restartInstance(deps: ToolDeps): ToolSpec {
  return remoteTool('restart', () => vscode.l10n.t('Restarting the instance…'), deps);
}

/** As the Logout and Restart commands do; the answer waits until the instance has been checked again. */
function remoteTool(action: RemoteAction, progress: () => string, deps: ToolDeps): ToolSpec {
  const t = vscode.l10n.t;
  return {
    progress,
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const { result, checked } = await runRemote(action, instance, deps, signal);
        await checked;
        if (!result.ok) {
          return describeError(result.error, { host: hostOf(instance.baseUrl), key: instance.key }, t).message;
        }
        return remoteDoneText(action, instance.key, result.value, t);
      }),
  };
}
