import { Calls } from '../api/calls';
import { ApiResult } from '../api/errors';
import { InstanceRef } from '../core/instanceRef';
import { StatusChecks } from './checks';
import { Instances } from './instances';

export type RemoteAction = 'logout' | 'restart';

export interface RemoteOutcome {
  /** MegaAPI's answer to the logout or restart itself. */
  result: ApiResult<string>;
  /** The status check that follows it; never rejects. */
  checked: Promise<unknown>;
}

/**
 * Logout or restart, then what must follow either, whoever asked (a command
 * or an agent tool): an open panel starts again (it follows the `remote`
 * change) and the instance is checked, so the sidebar and the badge show
 * its new state. A command tells the user at once and lets the check finish
 * behind; a tool waits for it.
 */
export async function runRemote(
  action: RemoteAction,
  instance: InstanceRef,
  services: { instances: Instances; calls: Calls; checks: StatusChecks },
  signal?: AbortSignal,
): Promise<RemoteOutcome> {
  const client = services.calls.for(instance);
  const result = await (action === 'logout' ? client.logout(signal) : client.restart(signal));
  services.instances.remoteChanged(instance);
  return { result, checked: services.checks.one(instance) };
}
