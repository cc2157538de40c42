import { InstanceRef } from '../instance';
import { pickInstance } from '../prompts/pickInstance';
import { readSettings } from '../settings';
import { instanceFromArg } from './instanceArg';
import { ResolveDeps, resolveInstance } from './resolveInstance';

/**
 * The instance a command acts on: the one it was given (tree item, panel,
 * key), else a pick among the saved ones (none asked when there is one),
 * else the host and key prompts of Show QR, without the token.
 */
export async function chooseInstance(arg: unknown, deps: ResolveDeps, title: string): Promise<InstanceRef | undefined> {
  const carried = instanceFromArg(arg, readSettings().allowInsecureHttp);
  if (carried !== 'invalid' && carried.key && carried.baseUrl) return { key: carried.key, baseUrl: carried.baseUrl };
  const saved = deps.instances.all().filter((i) => carried === 'invalid' || !carried.key || i.key === carried.key);
  if (saved.length > 0) return pickInstance(saved, title);
  return resolveInstance(arg, deps, { askToken: false });
}
