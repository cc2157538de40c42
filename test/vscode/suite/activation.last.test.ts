import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { MegaApiExtensionApi } from '../../../src/extension';
import {
  Instance,
  Mock,
  answering,
  api,
  closeAllEditors,
  extension,
  labelOf,
  qrTabs,
  sameInstance,
  setToken,
  sleep,
  waitFor,
} from './support';

interface ExtensionModule {
  activate(context: vscode.ExtensionContext): MegaApiExtensionApi;
  deactivate(): void;
}

/** The module VS Code loaded: Node's module cache is shared by the whole extension host. */
function loaded(): ExtensionModule {
  return createRequire(__filename)(join(extension().extensionPath, 'dist', 'extension.js')) as ExtensionModule;
}

/** What a window reload keeps: globalState and SecretStorage, here two maps that outlive one activation. */
interface Stored {
  state: Map<string, unknown>;
  secrets: Map<string, string>;
}

class MapMemento implements vscode.Memento {
  constructor(private readonly values: Map<string, unknown>) {}
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    // A copy, as VS Code's own memento hands out: a caller mutating it must not change what is stored.
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : defaultValue;
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
  setKeysForSync(): void {}
}

function contextOver(stored: Stored): vscode.ExtensionContext {
  const ext = extension();
  const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  const secrets: vscode.SecretStorage = {
    get: async (key) => stored.secrets.get(key),
    store: async (key, value) => {
      stored.secrets.set(key, value);
      changed.fire({ key });
    },
    delete: async (key) => {
      stored.secrets.delete(key);
      changed.fire({ key });
    },
    onDidChange: changed.event,
  };
  const context: Partial<vscode.ExtensionContext> = {
    subscriptions: [],
    globalState: new MapMemento(stored.state),
    workspaceState: new MapMemento(new Map()),
    secrets,
    extension: ext,
    extensionUri: ext.extensionUri,
    extensionPath: ext.extensionPath,
    extensionMode: vscode.ExtensionMode.Test,
    asAbsolutePath: (relative) => join(ext.extensionPath, relative),
  };
  return context as vscode.ExtensionContext;
}

/**
 * Timers started by the extension's own code (its bundle is the caller),
 * until they fire or are cleared. Counting every timer of the process would
 * also count the extension host's and earlier tests' ones, which come and go.
 */
class ExtensionTimers {
  private readonly pending = new Map<unknown, string>();
  private readonly originals = { setTimeout, setInterval, clearTimeout, clearInterval };

  constructor(private readonly bundle: string) {}

  install(): void {
    const { originals, pending } = this;
    const start =
      (create: typeof setTimeout | typeof setInterval, once: boolean) =>
      (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
        const where = this.caller();
        const handle: unknown = create(
          (...given: unknown[]) => {
            if (once) pending.delete(handle);
            callback(...given);
          },
          ms,
          ...args,
        );
        if (where) pending.set(handle, `${once ? 'setTimeout' : 'setInterval'}(${ms}) at ${where}`);
        return handle;
      };
    const stop = (clear: (handle?: NodeJS.Timeout) => void) => (handle?: NodeJS.Timeout) => {
      pending.delete(handle);
      clear(handle);
    };
    Object.assign(globalThis, {
      setTimeout: Object.assign(start(originals.setTimeout, true), originals.setTimeout),
      setInterval: Object.assign(start(originals.setInterval, false), originals.setInterval),
      clearTimeout: stop(originals.clearTimeout),
      clearInterval: stop(originals.clearInterval),
    });
  }

  uninstall(): void {
    Object.assign(globalThis, this.originals);
  }

  /** Where each timer still pending was started. */
  get left(): string[] {
    return [...this.pending.values()];
  }

  /** The frame that called setTimeout, when it is in the extension's bundle. */
  private caller(): string | undefined {
    const frame = new Error().stack?.split('\n')[3] ?? '';
    return frame.includes(this.bundle) ? frame.trim().replace(/^at /, '') : undefined;
  }
}

/** TCP sockets open to a port, unref'd keep-alive ones included (the diagnostic report lists every libuv handle). */
function socketsTo(port: number): number {
  const report = process.report.getReport() as unknown as {
    libuv: Array<{ type: string; is_active: boolean; remoteEndpoint?: { port: number } | null }>;
  };
  return report.libuv.filter((h) => h.type === 'tcp' && h.is_active && h.remoteEndpoint?.port === port).length;
}

async function commandsRegistered(): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes('megaapi.showQr');
}

/**
 * Runs last (see index.ts): it calls the loaded module's `deactivate()`, which
 * disposes every command the extension registered, and its later activations
 * run on a context built here (globalState and SecretStorage as maps), since
 * a test cannot make VS Code activate an extension twice. What that proves:
 * the module's own activate/deactivate cycle, over storage that outlives it
 * the way VS Code's does; not VS Code's storage across a real window reload.
 */
describe('deactivate, and activating again', () => {
  let mock: Mock;
  let mockPort: number;

  before(async () => {
    mock = await Mock.connect();
    mockPort = Number(new URL(mock.url).port);
    if (!extension().isActive) {
      await api();
      // VS Code creates a log channel asynchronously; one disposed before that completes stays
      // cached, closed, and the next activation's `createOutputChannel('MegaAPI')` returns it.
      await sleep(1000);
    }
  });
  afterEach(async () => {
    loaded().deactivate();
    await closeAllEditors();
    await mock.reset();
  });

  it('deactivate() closes every panel, timer and socket the extension opened', async () => {
    // VS Code's own activation first: whatever earlier tests left running goes with it.
    loaded().deactivate();
    assert.equal(await commandsRegistered(), false, 'deactivate() left the commands registered');
    await waitFor('no socket to MegaAPI', () => socketsTo(mockPort) === 0);

    // With the default `http.proxySupport: override`, VS Code's proxy agent replaces the extension's
    // keep-alive agents and closes each connection after its answer: only with it off do the
    // extension's own sockets outlive a request, which is what deactivate() must clean up.
    const http = () => vscode.workspace.getConfiguration('http');
    const proxySupport = http().inspect('proxySupport')?.globalValue;
    await http().update('proxySupport', 'off', vscode.ConfigurationTarget.Global);
    const timers = new ExtensionTimers(join(extension().extensionPath, 'dist', 'extension.js'));
    timers.install();
    try {
      loaded().activate(contextOver({ state: new Map(), secrets: new Map() }));
      const instances = ['megastart-suite-handles1', 'megastart-suite-handles2'].map((key) => mock.instance(key));
      for (const instance of instances) {
        await mock.addInstance(instance.key, `${instance.key}-token`);
        await setToken(instance, `${instance.key}-token`);
        await vscode.commands.executeCommand('megaapi.showQr', { instance });
      }
      await waitFor('two QR panels', () => qrTabs().length === 2);
      await waitFor('both panels to show a QR', async () => {
        const qrs = (await mock.requests()).filter((r) => r.path.includes('qrcode'));
        return instances.every((i) => qrs.some((r) => r.key === i.key));
      });
      await vscode.commands.executeCommand('megaapi.refreshInstances');
      const busy = { timers: timers.left.length, sockets: socketsTo(mockPort) };
      console.log(`      before deactivate(): ${busy.timers} timers and ${busy.sockets} sockets to MegaAPI`);
      assert.ok(busy.timers > 0 && busy.sockets > 0, 'nothing to count: the check below would prove nothing');

      loaded().deactivate();
      // Closing a socket completes on the next turns of the event loop; a leaked one lingers until the server drops it.
      await sleep(300);
      assert.deepEqual(timers.left, [], 'timers still pending after deactivate()');
      assert.equal(socketsTo(mockPort), 0, 'sockets to MegaAPI still open after deactivate()');
      await waitFor('the panels to close', () => qrTabs().length === 0);
      assert.equal(await commandsRegistered(), false);
      const quiet = (await mock.requests()).length;
      await sleep(1000);
      assert.equal((await mock.requests()).length, quiet, 'requests after deactivate()');
      assert.deepEqual(timers.left, [], 'timers started after deactivate()');
    } finally {
      timers.uninstall();
      await http().update('proxySupport', proxySupport, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps the instance list and tokens across a reload, activating again without a request', async () => {
    loaded().deactivate();
    const stored: Stored = { state: new Map(), secrets: new Map() };
    const instances: Instance[] = ['megastart-suite-reload1', 'megastart-suite-reload2'].map((key) =>
      mock.instance(key),
    );
    const tokenOf = (instance: Instance) => `${instance.key}-secret`;

    loaded().activate(contextOver(stored));
    for (const instance of instances) {
      await mock.addInstance(instance.key, tokenOf(instance));
      await setToken(instance, tokenOf(instance));
    }
    loaded().deactivate();
    await mock.clearRequests();

    const setContext: Array<[string, unknown]> = [];
    const commands = vscode.commands as unknown as { executeCommand: typeof vscode.commands.executeCommand };
    const original = commands.executeCommand;
    commands.executeCommand = ((command: string, ...args: unknown[]) => {
      if (command === 'setContext') setContext.push([args[0] as string, args[1]]);
      return original.call(vscode.commands, command, ...args);
    }) as typeof original;
    let reloaded: MegaApiExtensionApi;
    try {
      const started = performance.now();
      reloaded = loaded().activate(contextOver(stored));
      console.log(
        `      activation time with ${instances.length} saved instances: ${(performance.now() - started).toFixed(1)} ms`,
      );
    } finally {
      commands.executeCommand = original;
    }

    const tree = reloaded.instancesTree;
    const items = await Promise.all(((await tree.getChildren()) ?? []).map((child) => tree.getTreeItem(child)));
    assert.deepEqual(
      items.map(labelOf),
      instances.map((i) => i.key).reverse(),
      'the list after the reload (most recently used first)',
    );
    assert.ok(
      items.every((item) => item.contextValue === 'instance.unknown'),
      'states are only known once checked again',
    );
    assert.ok(
      setContext.some(([key, value]) => key === 'megaapi.hasInstances' && value === true),
      `the welcome view is not hidden: ${JSON.stringify(setContext)}`,
    );
    await sleep(1000);
    assert.deepEqual(await mock.requests(), [], 'activation with saved instances called MegaAPI');

    // The tokens came back from SecretStorage: a status check is authorized.
    const [first, second] = instances;
    await vscode.commands.executeCommand('megaapi.refreshStatus', { instance: first });
    assert.deepEqual(
      (await mock.requests(first.key)).map((r) => r.authorized),
      [true],
    );

    // Stored under the documented keys, and never in globalState.
    const tokenKey = (instance: Instance) => `megaapi.token/${instance.baseUrl}/${instance.key}`;
    assert.deepEqual([...stored.secrets.keys()].sort(), instances.map(tokenKey).sort());
    const state = JSON.stringify([...stored.state]);
    for (const instance of instances) assert.ok(!state.includes(tokenOf(instance)), 'a token in globalState');

    const { seen } = await answering([], () =>
      vscode.commands.executeCommand('megaapi.clearToken', { instance: second }),
    );
    assert.deepEqual(
      seen.map((p) => p.kind),
      ['information'],
    );
    assert.deepEqual([...stored.secrets.keys()], [tokenKey(first)], 'Clear Token left the token in SecretStorage');
    const saved = (await tree.getChildren()) ?? [];
    assert.ok(
      saved.some((item) => sameInstance((item as { instance?: Instance }).instance, second)),
      'Clear Token removed the instance',
    );
  });
});
