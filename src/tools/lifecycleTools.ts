import { RemoteAction, runRemote } from '../instances/remote';
import { ToolDeps, ToolSpec, onSavedInstance } from './toolKit';
import { UNTRUSTED, onInstance } from './toolSchemas';
import { errorText, remoteReplyText } from './toolText';

/** Unlinks the phone (confirmed first: see confirmations.ts). */
export function logoutInstance(deps: ToolDeps): ToolSpec {
  return remoteTool(
    'logout',
    'Logs a saved MegaAPI instance out of WhatsApp: the linked phone is unlinked and must scan a new QR code to link again. The user confirms first, in VS Code. Use it only when the user asks to log out or unlink the instance.',
    () => deps.t('Logging out the instance…'),
    deps,
  );
}

export function restartInstance(deps: ToolDeps): ToolSpec {
  return remoteTool(
    'restart',
    'Restarts a saved MegaAPI instance; it is offline for a moment and keeps its linked phone. The user confirms first, in VS Code. Use it when the user asks for a restart, or when the instance seems stuck.',
    () => deps.t('Restarting the instance…'),
    deps,
  );
}

/** As the Logout and Restart commands do; the answer waits until the instance has been checked again. */
function remoteTool(action: RemoteAction, description: string, progress: () => string, deps: ToolDeps): ToolSpec {
  return {
    description: description + UNTRUSTED,
    inputSchema: onInstance(),
    progress,
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const { result, checked } = await runRemote(action, instance, deps, signal);
        await checked;
        if (!result.ok) return errorText(result.error, instance, deps.t);
        return remoteReplyText(action, instance.key, result.value, deps.t);
      }),
  };
}
