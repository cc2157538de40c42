import vscode = require('vscode');
import { parseBaseUrl } from '../core/baseUrl';
import { InstanceRef, parseInstanceRef } from '../core/instanceRef';
import { parseInstanceKey } from '../core/instanceKey';
import { Kit } from '../ui/kit';
import { askBaseUrl } from './askBaseUrl';
import { askInstanceKey } from './askInstanceKey';
import { storeToken } from './askToken';
import { ensureToken } from './ensureToken';
import { pickInstance } from './pickInstance';

/** What a command was handed: a whole instance, only a key, nothing, or something unusable. */
export type Given = { instance: InstanceRef } | { key: string } | 'nothing' | 'invalid';

type WhichKit = Pick<Kit, 'instances' | 'settings'>;

/** For the few commands on an instance that send nothing with its token: Set/Clear Token, Remove, Copy Link. */
export const NO_TOKEN_NEEDED = { needsToken: false } as const;

/**
 * Reads the argument only, asking nothing. Commands take an instance key
 * string (palette, keybindings, other extensions) or an object carrying an
 * instance (tree items, the panel, `{ instance }`). Either way it is input
 * and is parsed again. The host is parsed for shape only: whether it may be
 * used (plain http) is the request gate's call, which says why it refuses.
 */
export function givenInstance(arg: unknown): Given {
  if (arg === undefined || arg === null) return 'nothing';
  const carried = typeof arg === 'object' && 'instance' in arg ? arg.instance : arg;
  const fields: unknown = typeof carried === 'string' ? { key: carried } : carried;
  if (typeof fields !== 'object' || fields === null) return 'invalid';
  const { key: rawKey, baseUrl: rawBaseUrl } = fields as { key?: unknown; baseUrl?: unknown };
  if (typeof rawKey !== 'string') return 'invalid';
  if (rawBaseUrl === undefined) {
    const key = parseInstanceKey(rawKey);
    return key.ok ? { key: key.value } : 'invalid';
  }
  if (typeof rawBaseUrl !== 'string') return 'invalid';
  const instance = parseInstanceRef(rawBaseUrl, rawKey, { allowInsecureHttp: true });
  return instance.ok ? { instance: instance.value } : 'invalid';
}

/** The instance an argument names in full (a tree item, a panel), if it does. */
export function carriedInstance(arg: unknown): InstanceRef | undefined {
  const given = givenInstance(arg);
  return typeof given === 'object' && 'instance' in given ? given.instance : undefined;
}

/**
 * The given instance, else a pick among the saved ones (none asked when there
 * is one), else the host and key prompts. For commands that act on an
 * instance the user already has. Unless the command sends nothing with the
 * token (`NO_TOKEN_NEEDED`), a missing token is asked for here, checked
 * before it is stored (`ensureToken`), and the command goes on: every
 * command asks the same way, in this one place.
 */
export async function pickSavedInstance(
  arg: unknown,
  kit: WhichKit & Pick<Kit, 'calls'>,
  title: string,
  options: { needsToken: boolean } = { needsToken: true },
): Promise<InstanceRef | undefined> {
  const instance = await pickWithoutToken(arg, kit, title);
  if (!instance || !options.needsToken) return instance;
  return (await ensureToken(instance, kit)) ? instance : undefined;
}

async function pickWithoutToken(arg: unknown, kit: WhichKit, title: string): Promise<InstanceRef | undefined> {
  const given = givenInstance(arg);
  if (given === 'invalid') return refuseInvalid();
  if (given !== 'nothing' && 'instance' in given) return given.instance;
  const saved = kit.instances.all().filter((i) => given === 'nothing' || i.key === given.key);
  if (saved.length > 0) return pickInstance(saved, title);
  return askForInstance(arg, kit, { askToken: false });
}

/**
 * Asks, in order and only for what is missing: the host (saved to the user's
 * settings), the instance key and its token; then saves the instance.
 * Undefined when the user pressed Esc at any prompt.
 */
export async function askForInstance(
  arg: unknown,
  kit: WhichKit,
  options = { askToken: true },
): Promise<InstanceRef | undefined> {
  const { settings, instances } = kit;
  const given = givenInstance(arg);
  if (given === 'invalid') return refuseInvalid();

  let baseUrl = given !== 'nothing' && 'instance' in given ? given.instance.baseUrl : undefined;
  if (!baseUrl) {
    const allowInsecureHttp = settings.allowInsecureHttp();
    const configured = parseBaseUrl(settings.baseUrl(), { allowInsecureHttp });
    baseUrl = configured.ok ? configured.value : await askBaseUrl(settings.baseUrl(), allowInsecureHttp);
    if (!baseUrl) return undefined;
    if (!configured.ok || configured.value !== settings.baseUrl()) await settings.saveBaseUrl(baseUrl);
  }

  const carriedKey = given === 'nothing' ? undefined : 'instance' in given ? given.instance.key : given.key;
  const key = carriedKey ?? (await askInstanceKey(instances.forBaseUrl(baseUrl).map((i) => i.key)));
  if (!key) return undefined;

  const instance = { baseUrl, key };
  if (options.askToken && !(await instances.token(instance))) {
    if (!(await storeToken(instances, instance))) return undefined;
  }
  // Not awaited: the panel need not wait for the list to be written (a round
  // trip to the page in a browser workbench); the sidebar follows the save.
  void instances.save(instance).then(undefined, () => undefined);
  return instance;
}

function refuseInvalid(): undefined {
  void vscode.window.showErrorMessage(vscode.l10n.t('MegaAPI: that is not a valid instance.'));
  return undefined;
}
