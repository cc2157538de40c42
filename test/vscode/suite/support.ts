import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import * as vscode from 'vscode';
import type { MegaApiExtensionApi } from '../../../src/extension';
import type { MockFault } from '../../mock/faults';
import type { MockRequestLog } from '../../mock/requestLog';
import { startMockServer } from '../../mock/server';

export const EXTENSION_ID = 'megaapi-community.megaapi-vscode';

export interface Instance {
  baseUrl: string;
  key: string;
}

export function extension(): vscode.Extension<MegaApiExtensionApi> {
  const found = vscode.extensions.getExtension<MegaApiExtensionApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded in this extension host`);
  return found;
}

/** The extension's exported API, activating it first as another extension would. */
export async function api(): Promise<MegaApiExtensionApi> {
  const ext = extension();
  return ext.isActive ? ext.exports : ext.activate();
}

/** What the package.json declares, as VS Code read it. */
export function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

export interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: Array<{ command: string; title: string; icon?: string }>;
    configuration: {
      properties: Record<
        string,
        { type: string; default: unknown; minimum?: number; maximum?: number; markdownDescription?: string }
      >;
    };
    viewsContainers: Record<string, Array<{ id: string; title: string; icon: string }>>;
    views: Record<string, Array<{ id: string; name: string; icon?: string }>>;
    viewsWelcome?: Array<{ view: string; contents: string; when?: string }>;
    menus: Record<string, Array<{ command: string; when?: string; group?: string }>>;
    walkthroughs?: Array<{
      id: string;
      steps: Array<{ id: string; media: Record<string, unknown>; completionEvents?: string[] }>;
    }>;
  };
}

/**
 * `npm run test:vscode` starts the mock MegaAPI as its own process and passes
 * its URL in MEGAAPI_MOCK_URL; the "Extension Tests" launch configuration
 * passes nothing, so one mock is started inside the extension host and shared
 * by every test file (each file is its own bundle, hence `globalThis`).
 */
async function mockUrl(): Promise<string> {
  const fromRunner = process.env.MEGAAPI_MOCK_URL;
  if (fromRunner) return new URL(fromRunner).origin;
  const holder = globalThis as { megaapiSuiteMock?: Promise<string> };
  holder.megaapiSuiteMock ??= startMockServer({ instances: [] }).then((server) => server.url);
  return new URL(await holder.megaapiSuiteMock).origin;
}

/** The mock MegaAPI, driven through its `/__mock/` routes (test/mock/control.ts). */
export class Mock {
  private constructor(readonly url: string) {}

  static async connect(): Promise<Mock> {
    return new Mock(await mockUrl());
  }

  instance(key: string): Instance {
    return { baseUrl: this.url, key };
  }

  /** Adds the instance, or gives a known one a new token (as rotating it in MegaAPI's panel does). */
  async addInstance(key: string, token: string): Promise<void> {
    await this.control('POST', '/__mock/instances', { key, token });
  }

  async link(key: string, user: { id?: string; name?: string } = {}): Promise<void> {
    await this.control('POST', `/__mock/instances/${key}/connect`, user);
  }

  async unlink(key: string): Promise<void> {
    await this.control('POST', `/__mock/instances/${key}/disconnect`);
  }

  /** The same mock under another name, which the extension sees as a host never used before. */
  get otherName(): string {
    return this.url.replace('://127.0.0.1:', '://localhost:');
  }

  /** The pairing code the mock last issued for the instance. */
  async lastPairingCode(key: string): Promise<string | undefined> {
    const body = (await this.control('GET', '/__mock/state')) as {
      instances: Record<string, { lastPairingCode?: string }>;
    };
    return body.instances[key]?.lastPairingCode;
  }

  async fault(fault: MockFault): Promise<void> {
    await this.control('POST', '/__mock/faults', fault);
  }

  /** Every `/rest` request the mock received since the log was last cleared, oldest first; only one instance's when `key` is given. */
  async requests(key?: string): Promise<MockRequestLog[]> {
    const all = (await this.control('GET', '/__mock/requests')) as MockRequestLog[];
    return key === undefined ? all : all.filter((entry) => entry.key === key);
  }

  /** The messages the mock accepted for sending, and its webhook setting, for the message and webhook commands. */
  async sentMessages(key: string): Promise<Array<{ to: string; text: string }>> {
    return (
      (await this.control('GET', `/__mock/instances/${key}/messages`)) as {
        messages: Array<{ to: string; text: string }>;
      }
    ).messages;
  }

  async webhook(key: string): Promise<{ webhookUrl?: string; webhookEnabled?: boolean }> {
    return ((await this.control('GET', `/__mock/instances/${key}/webhook`)) as { webhook: Record<string, never> })
      .webhook;
  }

  async clearRequests(): Promise<void> {
    await this.control('DELETE', '/__mock/requests');
  }

  /** Unlinks every instance and forgets requests and faults; instances keep their tokens. */
  async reset(): Promise<void> {
    await this.control('POST', '/__mock/reset');
  }

  /**
   * Through `node:http` without an agent: each call's socket closes with it,
   * so the suite's own connections never show up as the extension's in the
   * active-handle counts.
   */
  private control(method: string, path: string, body?: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      const req = request(`${this.url}${path}`, { method, agent: false, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 500;
          if (status >= 300) reject(new Error(`mock ${method} ${path}: HTTP ${status} ${text}`));
          else resolve(text === '' ? undefined : JSON.parse(text));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }
}

export interface Prompted {
  kind: 'inputBox' | 'quickPick' | 'modal' | 'information' | 'warning' | 'error';
  text: string;
  inputBox?: vscode.InputBoxOptions;
  /** For input boxes: the text typed, or why it was not accepted. */
  answer?: string;
  refused?: string;
  /** For quick picks made with createQuickPick: the item labels shown when the answer was typed. */
  items?: string[];
}

type Window = Record<string, unknown>;

/**
 * Runs a command while answering the extension's prompts the way a user
 * would: each input box gets the next of `typed`, which must pass the box's
 * own `validateInput` (a box refuses Enter otherwise); a modal question is
 * confirmed with its first button; an unexpected input box or quick pick is
 * dismissed (Esc). Notifications are recorded and still shown, or, with
 * `notifications: 'dismiss'`, answered as if closed without being shown, for
 * code that waits on the choice. VS Code itself refuses modal dialogs while
 * extension tests run (its DialogService skips them), so a modal is never shown.
 *
 * Why a stand-in for the input box: a prompt cannot be typed into from the
 * extension host. The `type` command only reaches a focused code editor
 * (VS Code's `EditorHandlerCommand`), no command sets a quick input's value,
 * and paste into a web page needs the browser's permission. VS Code gives one
 * `vscode` API object per extension, and this suite lives in the extension's
 * folder, so it shares the extension's `vscode.window`: replacing
 * `showInputBox` there answers exactly the box the extension opens. Everything
 * after the prompt (validation, SecretStorage, the request) is the real thing.
 */
export async function answering<T>(
  typed: string[],
  run: () => Thenable<T>,
  options: { notifications: 'show' | 'dismiss' } = { notifications: 'show' },
): Promise<{ result: T; seen: Prompted[] }> {
  const window = vscode.window as unknown as Window;
  const names = [
    'showInputBox',
    'showQuickPick',
    'createQuickPick',
    'showInformationMessage',
    'showWarningMessage',
    'showErrorMessage',
  ];
  const originals = new Map(names.map((name) => [name, window[name]]));
  const seen: Prompted[] = [];
  const queue = [...typed];
  window.showInputBox = async (options: vscode.InputBoxOptions = {}) => {
    const prompted: Prompted = { kind: 'inputBox', text: options.title ?? options.prompt ?? '', inputBox: options };
    seen.push(prompted);
    const answer = queue.shift();
    if (answer === undefined) return undefined;
    prompted.answer = answer;
    const verdict = await options.validateInput?.(answer);
    const refused = typeof verdict === 'string' ? verdict : verdict?.message;
    if (refused) {
      prompted.refused = refused;
      return undefined;
    }
    return answer;
  };
  window.showQuickPick = async (_items: unknown, options?: vscode.QuickPickOptions) => {
    seen.push({ kind: 'quickPick', text: options?.title ?? options?.placeHolder ?? '' });
    return undefined;
  };
  // A quick pick one types into (a destination, a key): once it is no longer busy, the next answer is typed and Enter pressed.
  window.createQuickPick = () => typedQuickPick(queue, seen);
  for (const kind of ['information', 'warning', 'error'] as const) {
    const name = `show${kind[0].toUpperCase()}${kind.slice(1)}Message`;
    const original = originals.get(name) as (...args: unknown[]) => Thenable<unknown>;
    window[name] = (message: string, ...rest: unknown[]) => {
      const first = rest[0];
      const asked =
        typeof first === 'object' && first !== null && !('title' in first)
          ? (first as vscode.MessageOptions)
          : undefined;
      if (asked?.modal) {
        seen.push({ kind: 'modal', text: message });
        return Promise.resolve(rest[1]);
      }
      seen.push({ kind, text: message });
      if (options.notifications === 'dismiss') return Promise.resolve(undefined);
      return original.call(vscode.window, message, ...rest);
    };
  }
  try {
    return { result: await run(), seen };
  } finally {
    for (const [name, original] of originals) window[name] = original;
  }
}

/**
 * Enough of `vscode.QuickPick` for code that reads `value`, `activeItems` and
 * `selectedItems` on accept: the typed answer is set as the value (firing
 * onDidChangeValue, as typing does), then accepted; no answer hides it (Esc).
 * The pick is hidden after an accept the code did not take, as a user would
 * press Esc on a refused answer.
 */
function typedQuickPick(queue: string[], seen: Prompted[]): unknown {
  const value = new vscode.EventEmitter<string>();
  const accept = new vscode.EventEmitter<void>();
  const hide = new vscode.EventEmitter<void>();
  const noop = new vscode.EventEmitter<never>();
  let hidden = false;
  const pick = {
    title: undefined as string | undefined,
    placeholder: undefined as string | undefined,
    value: '',
    items: [] as vscode.QuickPickItem[],
    activeItems: [] as vscode.QuickPickItem[],
    selectedItems: [] as vscode.QuickPickItem[],
    busy: false,
    buttons: [],
    onDidChangeValue: value.event,
    onDidAccept: accept.event,
    onDidHide: hide.event,
    onDidChangeActive: noop.event,
    onDidChangeSelection: noop.event,
    onDidTriggerButton: noop.event,
    onDidTriggerItemButton: noop.event,
    hide: () => {
      if (hidden) return;
      hidden = true;
      hide.fire();
    },
    dispose: () => undefined,
    show: () => {
      void (async () => {
        await waitFor('the quick pick to finish loading', () => !pick.busy, 10_000).catch(() => undefined);
        const prompted: Prompted = { kind: 'quickPick', text: pick.title ?? pick.placeholder ?? '' };
        seen.push(prompted);
        const answer = queue.shift();
        prompted.items = pick.items.map((item) => item.label);
        if (answer === undefined) return pick.hide();
        prompted.answer = answer;
        pick.value = answer;
        value.fire(answer);
        accept.fire();
        if (!hidden) {
          prompted.refused = pick.items[0]?.description ?? 'not accepted';
          pick.hide();
        }
      })();
    },
  };
  return pick;
}

/** Stores a token for the instance the way a user does (Set Token, typed into its box), which also saves the instance. */
export async function setToken(instance: Instance, token: string): Promise<Prompted[]> {
  const { seen } = await answering([token], () => vscode.commands.executeCommand('megaapi.setToken', { instance }));
  const box = seen.find((p) => p.kind === 'inputBox');
  assert.ok(box && !box.refused, `Set Token did not take the token: ${JSON.stringify(seen)}`);
  const errors = seen.filter((p) => p.kind === 'error');
  assert.deepEqual(errors, [], 'Set Token showed an error');
  return seen;
}

/** A saved instance with its token, linked at the mock and checked, so it shows as connected. */
export async function linkedInstance(mock: Mock, key: string, token: string): Promise<Instance> {
  await mock.addInstance(key, token);
  const instance = mock.instance(key);
  await setToken(instance, token);
  await mock.link(key, { id: '5511987654321@s.whatsapp.net', name: 'Loja Suite' });
  await vscode.commands.executeCommand('megaapi.refreshStatus', { instance });
  return instance;
}

/** Remove Instance, confirmed: forgets the instance and its token. */
export async function removeInstance(instance: Instance): Promise<void> {
  await answering([], () => vscode.commands.executeCommand('megaapi.removeInstance', { instance }));
}

export function sameInstance(a: Instance | undefined, b: Instance): boolean {
  return a?.baseUrl === b.baseUrl && a.key === b.key;
}

/** The sidebar's items as VS Code gets them: `getChildren`, then `getTreeItem` for each. */
export async function treeItems(): Promise<vscode.TreeItem[]> {
  const tree = (await api()).instancesTree;
  const children = (await tree.getChildren()) ?? [];
  return Promise.all(children.map((child) => tree.getTreeItem(child)));
}

/** An instance's item, found by the `{ instance }` its menus hand to commands. */
export async function itemOf(instance: Instance): Promise<vscode.TreeItem | undefined> {
  return (await treeItems()).find((item) => sameInstance((item as { instance?: Instance }).instance, instance));
}

export function labelOf(item: vscode.TreeItem): string | undefined {
  return typeof item.label === 'object' ? item.label.label : item.label;
}

export function iconOf(item: vscode.TreeItem): { id?: string; color?: string } {
  const icon = item.iconPath;
  return icon instanceof vscode.ThemeIcon ? { id: icon.id, color: icon.color?.id } : {};
}

/** The open editor tabs that are MegaAPI QR panels. */
export function qrTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('megaapi.qr'));
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('every editor to close', () => vscode.window.tabGroups.all.every((g) => g.tabs.length === 0));
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sets `megaapi.*` user settings for the duration of `run`, then puts back what was there. */
export async function withSettings<T>(values: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  const config = () => vscode.workspace.getConfiguration('megaapi');
  const before = Object.keys(values).map((name) => [name, config().inspect(name)?.globalValue] as const);
  try {
    for (const [name, value] of Object.entries(values)) {
      await config().update(name, value, vscode.ConfigurationTarget.Global);
    }
    return await run();
  } finally {
    for (const [name, value] of before) await config().update(name, value, vscode.ConfigurationTarget.Global);
  }
}
