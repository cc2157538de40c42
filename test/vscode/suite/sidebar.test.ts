import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { freePort } from '../../shared/ports';
import {
  Instance,
  Mock,
  answering,
  closeAllEditors,
  iconOf,
  itemOf,
  labelOf,
  manifest,
  qrTabs,
  removeInstance,
  sameInstance,
  setToken,
  treeItems,
  waitFor,
} from './support';
import { evaluate, parseWhen } from './whenClause';

interface Expected {
  contextValue: string;
  icon: string;
  color?: string;
  description: string | RegExp;
}

describe('the Instances sidebar', () => {
  let mock: Mock;
  let states: Record<'connected' | 'disconnected' | 'rejected' | 'unreachable' | 'noToken', Instance>;
  const expected: Record<keyof typeof states, Expected> = {
    connected: {
      contextValue: 'instance.connected',
      icon: 'pass-filled',
      color: 'testing.iconPassed',
      description: /^Suite Phone · .*98888.?7777/,
    },
    disconnected: { contextValue: 'instance.disconnected', icon: 'circle-large-outline', description: 'disconnected' },
    rejected: {
      contextValue: 'instance.error.unauthorized',
      icon: 'error',
      color: 'errorForeground',
      description: 'token rejected',
    },
    unreachable: {
      contextValue: 'instance.error.unreachable',
      icon: 'error',
      color: 'errorForeground',
      description: 'unreachable',
    },
    noToken: { contextValue: 'instance.noToken', icon: 'key', description: 'no token' },
  };

  before(async () => {
    mock = await Mock.connect();
    // Nothing listens on a port freePort() has just closed: connections are refused.
    const closed = `http://127.0.0.1:${await freePort()}`;
    states = {
      connected: mock.instance('megastart-suite-linked'),
      disconnected: mock.instance('megastart-suite-unlinked'),
      rejected: mock.instance('megastart-suite-rotated'),
      unreachable: { baseUrl: closed, key: 'megastart-suite-offline' },
      noToken: mock.instance('megastart-suite-tokenless'),
    };
    // Saved in this order, so the list shows them the other way round (most recently used first).
    for (const instance of Object.values(states)) {
      if (instance.baseUrl === mock.url) await mock.addInstance(instance.key, `${instance.key}-token`);
      await setToken(instance, `${instance.key}-token`);
    }
    await mock.link(states.connected.key, { id: '5511988887777@s.whatsapp.net', name: 'Suite Phone' });
    // The token was changed in MegaAPI's panel: the stored one is now refused.
    await mock.addInstance(states.rejected.key, 'rotated-token');
    await answering([], () => vscode.commands.executeCommand('megaapi.clearToken', { instance: states.noToken }));
  });
  after(async () => {
    for (const instance of Object.values(states ?? {})) await removeInstance(instance);
    await closeAllEditors();
    await mock.reset();
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  const mine = async () => {
    const items = await treeItems();
    return items.filter((item) =>
      Object.values(states).some((s) => sameInstance((item as { instance?: Instance }).instance, s)),
    );
  };

  it('lists saved instances most recently used first, "not checked yet" until someone looks', async () => {
    const items = await mine();
    assert.deepEqual(
      items.map(labelOf),
      Object.values(states)
        .map((s) => s.key)
        .reverse(),
    );
    const connected = await itemOf(states.connected);
    assert.equal(connected?.contextValue, 'instance.unknown');
    assert.equal(iconOf(connected).id, 'question');
  });

  it('shows each state with its own description, icon and context value after Refresh', async () => {
    await vscode.commands.executeCommand('megaapi.refreshInstances');
    const ids = new Set<string | undefined>();
    for (const [state, instance] of Object.entries(states) as Array<[keyof typeof states, Instance]>) {
      const item = await itemOf(instance);
      assert.ok(item, `${state}: not in the tree`);
      const want = expected[state];
      assert.equal(labelOf(item), instance.key, `${state}: label`);
      assert.equal(item.contextValue, want.contextValue, `${state}: contextValue`);
      assert.deepEqual(iconOf(item), { id: want.icon, color: want.color }, `${state}: icon`);
      if (typeof want.description === 'string') assert.equal(item.description, want.description, `${state}`);
      else assert.match(String(item.description), want.description, `${state}: description`);
      // A plain string: server words in it cannot become markdown links.
      assert.equal(typeof item.tooltip, 'string', `${state}: tooltip`);
      assert.match(item.tooltip as string, new RegExp(`${instance.key}[\\s\\S]*${new URL(instance.baseUrl).host}`));
      assert.deepEqual(item.command?.command, 'megaapi.showQr');
      assert.deepEqual(item.command?.arguments, [{ instance }], `${state}: clicking it`);
      ids.add(item.id);
      assert.equal((await itemOf(instance))?.id, item.id, `${state}: the id changed between two reads`);
    }
    assert.equal(ids.size, Object.keys(states).length, 'two items share an id');
  });

  it('offers each instance the menu entries its state calls for', () => {
    const { menus } = manifest().contributes;
    const plain = Object.entries(expected).map(([state, want]) => ({ state, viewItem: want.contextValue }));
    // A muted instance (the health watch) keeps its state's menu, with Unmute for Mute.
    const looks = [...plain, ...plain.map((s) => ({ state: `${s.state} muted`, viewItem: `${s.viewItem}.muted` }))];
    const shown = (when: string | undefined, viewItem?: string) =>
      when === undefined || evaluate(parseWhen(when), { view: 'megaapi.instances', viewItem });
    const everywhere = ['megaapi.showQr', 'megaapi.refreshStatus', 'megaapi.setToken', 'megaapi.removeInstance'];

    for (const entry of menus['view/item/context'] ?? []) {
      const where = looks.filter((s) => shown(entry.when, s.viewItem)).map((s) => s.state);
      // Entries for instance items (not for their children) must show on at least one state.
      if (/viewItem\s*(==\s*'?|=~\s*\/\^?)instance/.test(entry.when ?? '')) {
        assert.ok(where.length > 0, `${entry.command} (${entry.group}) shows on no instance`);
      }
      if (entry.command === 'megaapi.setToken' && entry.group?.startsWith('inline')) {
        assert.deepEqual(
          where.sort(),
          ['noToken', 'noToken muted', 'rejected', 'rejected muted'],
          'the inline key button',
        );
      }
    }
    for (const command of everywhere) {
      const entries = (menus['view/item/context'] ?? []).filter(
        (e) => e.command === command && !e.group?.startsWith('inline'),
      );
      for (const { state, viewItem } of looks) {
        assert.ok(
          entries.some((e) => shown(e.when, viewItem)),
          `${command} is not in the context menu of a ${state} instance`,
        );
      }
    }
    // The other views of the container (Webhook Events) have title bars of their own.
    for (const entry of (menus['view/title'] ?? []).filter((e) => !e.when?.includes('megaapi.events'))) {
      assert.ok(shown(entry.when), `${entry.command} is not on the Instances title bar`);
    }
  });

  it('runs a context-menu command on the item VS Code hands it, and a click opens its QR', async () => {
    const rejected = await itemOf(states.rejected);
    assert.ok(rejected);
    await mock.addInstance(states.rejected.key, `${states.rejected.key}-token`);
    // What VS Code passes to a view/item/context command: the tree element itself.
    await vscode.commands.executeCommand('megaapi.refreshStatus', rejected);
    assert.equal((await itemOf(states.rejected))?.contextValue, 'instance.disconnected');

    const item = await itemOf(states.disconnected);
    assert.ok(item?.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const [tab] = await waitFor('its QR panel', () => qrTabs().length === 1 && qrTabs());
    assert.match(tab.label, new RegExp(states.disconnected.key));
  });

  it('drops an item when its instance is removed', async () => {
    const instance = states.unreachable;
    await removeInstance(instance);
    assert.equal(await itemOf(instance), undefined);
    assert.equal((await mine()).length, Object.keys(states).length - 1);
  });
});
