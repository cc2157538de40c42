import * as vscode from 'vscode';
import { UI_DRIVER_ENV, UI_REQUEST_MARKER, UiRequest } from '../uiRequest';
import { api } from './support';

/** Helpers for citizen.test.ts: the runner's UI driver, shown messages, the mock. */

export { EXTENSION_ID, api, extension } from './support';

/** True where someone acts on `ui()` requests: the code-server runner's browser. */
export function hasUiDriver(): boolean {
  return process.env[UI_DRIVER_ENV] === '1';
}

/** Asks the runner's browser to type into the workbench's prompts (see ../uiRequest.ts), in this order. */
export function typeInto(...prompts: Array<{ expect: string; text: string }>): void {
  for (const prompt of prompts) {
    const request: UiRequest = { type: 'quickInput', ...prompt };
    console.log(`${UI_REQUEST_MARKER}${JSON.stringify(request)}`);
  }
}

export interface Shown {
  kind: 'information' | 'warning' | 'error';
  message: string;
  modal: boolean;
  detail?: string;
  items: string[];
}

/**
 * Records the extension's messages while `run` lasts, and answers its modal
 * questions with `answer`. A modal cannot be answered otherwise here: in an
 * extension test host VS Code refuses to show one and rejects it. VS Code
 * gives one `vscode` API object per extension, and this suite lives in the
 * extension's folder, so it shares the extension's `vscode.window`:
 * replacing the three functions there catches exactly the extension's calls.
 * Messages that are not modal still reach the workbench.
 */
export async function recordingMessages<T>(
  answer: (modal: Shown) => string | undefined,
  run: (shown: Shown[]) => Promise<T>,
): Promise<T> {
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => Thenable<unknown>>;
  const kinds = { showInformationMessage: 'information', showWarningMessage: 'warning', showErrorMessage: 'error' };
  const originals = Object.keys(kinds).map((name) => [name, window[name]] as const);
  const shown: Shown[] = [];
  for (const [name, original] of originals) {
    window[name] = (message: unknown, ...rest: unknown[]) => {
      const options = typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]) ? rest[0] : undefined;
      const { modal = false, detail } = (options ?? {}) as vscode.MessageOptions;
      const items = rest.filter((item): item is string => typeof item === 'string');
      const entry: Shown = {
        kind: kinds[name as keyof typeof kinds] as Shown['kind'],
        message: String(message),
        modal,
        detail,
        items,
      };
      shown.push(entry);
      return modal ? Promise.resolve(answer(entry)) : original.call(vscode.window, message, ...rest);
    };
  }
  try {
    return await run(shown);
  } finally {
    for (const [name, original] of originals) window[name] = original;
  }
}

/** Runs a tool the way an extension outside a chat does: no invocation token. */
export async function invokeTool(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part as { value?: unknown }).value).join('\n');
}

/** The QR panels' tabs of one instance, by the title the panel gives itself. */
export function qrTabsOf(key: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview &&
        tab.input.viewType.includes('megaapi.qr') &&
        tab.label.endsWith(`: ${key}`),
    );
}

/** The saved instances, as the sidebar's items carry them. */
export async function savedInstances(): Promise<Array<{ baseUrl: string; key: string }>> {
  const tree = (await api()).instancesTree;
  const items = await Promise.all(((await tree.getChildren()) ?? []).map((child) => tree.getTreeItem(child)));
  return items.flatMap((item) => {
    const instance = (item as { instance?: { baseUrl: string; key: string } }).instance;
    return instance ? [instance] : [];
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
