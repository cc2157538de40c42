import vscode = require('vscode');
import { ApiResult } from '../api/errors';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { describeError } from '../text/errorText';
import { ToolDeps, ToolSpec, onSavedInstance } from './toolKit';

/** Unlinks the phone (confirmed first: see confirmations.ts). */
export function logoutInstance(deps: ToolDeps): ToolSpec {
  const t = vscode.l10n.t;
  return {
    progress: () => t('Logging out the instance…'),
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const result = await deps.calls.for(instance).logout(signal);
        return afterwards(result, instance, t('{0} was logged out.', instance.key), deps);
      }),
  };
}

export function restartInstance(deps: ToolDeps): ToolSpec {
  const t = vscode.l10n.t;
  return {
    progress: () => t('Restarting the instance…'),
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const result = await deps.calls.for(instance).restart(signal);
        return afterwards(result, instance, t('{0} was restarted.', instance.key), deps);
      }),
  };
}

/** As the Logout and Restart commands do: the open panel and the sidebar catch up, then the answer. */
async function afterwards(result: ApiResult<string>, instance: InstanceRef, done: string, deps: ToolDeps) {
  const t = vscode.l10n.t;
  deps.panels.get(instance)?.refresh();
  await deps.tree.refreshOne(instance);
  if (!result.ok) return describeError(result.error, { host: hostOf(instance.baseUrl), key: instance.key }, t).message;
  const said = serverText(result.value);
  return said ? `${done} ${t('MegaAPI answered: {0}', said)}` : done;
}
