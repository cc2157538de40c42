import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, extension, manifest } from './support';
import { keysOf, parseWhen } from './whenClause';

/**
 * Context keys the `when` clauses may read: VS Code's own, and the ones the
 * extension sets with `setContext` (src/sidebar/contextKeys.ts). A key in a
 * clause that nobody sets is always undefined, and its menu item silently
 * never (or always) shows; add a key here only together with the code that
 * sets it.
 */
const VSCODE_KEYS = new Set(['view', 'viewItem', 'activeWebviewPanelId', 'webviewId', 'focusedView', 'isWeb']);
const EXTENSION_KEYS = new Set(['megaapi.hasInstances', 'megaapi.anyConnected']);

/** Every `when` clause of the manifest, with where it is. */
function whenClauses(): Array<{ where: string; clause: string }> {
  const { menus, viewsWelcome = [] } = manifest().contributes;
  return [
    ...Object.entries(menus).flatMap(([menu, entries]) =>
      entries.filter((e) => e.when).map((e) => ({ where: `${menu} ${e.command}`, clause: e.when as string })),
    ),
    ...viewsWelcome.filter((w) => w.when).map((w) => ({ where: `viewsWelcome ${w.view}`, clause: w.when as string })),
  ];
}

describe('the manifest, as VS Code resolved it', () => {
  before(async () => {
    await api();
  });

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest()
      .contributes.commands.map((c) => c.command)
      .filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'contributed in package.json but not registered');
  });

  it('shows every command, view and setting title in words, not as a %placeholder%', () => {
    const { commands, views, configuration } = manifest().contributes;
    const titles = [
      ...commands.map((c) => c.title),
      ...Object.values(views)
        .flat()
        .map((v) => v.name),
      extension().packageJSON.displayName as string,
      ...Object.values(configuration.properties).map((p) => p.markdownDescription ?? ''),
    ];
    assert.deepEqual(
      titles.filter((title) => /^%.*%$/.test(title)),
      [],
      'a title whose package.nls.json entry is missing',
    );
  });

  it('resolves every contributed view and its container', async () => {
    const { views, viewsContainers } = manifest().contributes;
    const containers = Object.values(viewsContainers).flat();
    const viewIds = Object.values(views)
      .flat()
      .map((v) => v.id);
    assert.ok(viewIds.length > 0);
    try {
      for (const container of containers) {
        // Rejects with "command not found" when VS Code did not register the container.
        await vscode.commands.executeCommand(`workbench.view.extension.${container.id}`);
      }
      for (const id of viewIds) await vscode.commands.executeCommand(`${id}.focus`);
    } finally {
      // Back to the Explorer: a visible Instances view checks its instances on every change.
      await vscode.commands.executeCommand('workbench.view.explorer');
    }
    for (const location of Object.keys(views)) {
      assert.ok(
        containers.some((c) => c.id === location) || ['explorer', 'scm', 'debug', 'test'].includes(location),
        `views are contributed to "${location}", which is no container`,
      );
    }
  });

  it('ships every file the manifest points at (icons, walkthrough pages)', () => {
    const { commands, views, viewsContainers, walkthroughs = [] } = manifest().contributes;
    const files = [
      ...Object.values(viewsContainers)
        .flat()
        .map((c) => c.icon),
      ...Object.values(views)
        .flat()
        .flatMap((v) => (v.icon ? [v.icon] : [])),
      ...commands.flatMap((c) => (c.icon && !c.icon.startsWith('$(') ? [c.icon] : [])),
      ...walkthroughs.flatMap((w) =>
        w.steps.flatMap((s) => Object.values(s.media).filter((m) => typeof m === 'string')),
      ),
    ] as string[];
    assert.ok(files.length > 0);
    const root = extension().extensionPath;
    assert.deepEqual(
      files.filter((file) => !existsSync(join(root, file))),
      [],
      'referenced by package.json but missing',
    );
  });

  it('writes every `when` clause so that VS Code can read it, with context keys someone sets', () => {
    const { commands, views, configuration } = manifest().contributes;
    const viewIds = new Set(
      Object.values(views)
        .flat()
        .map((v) => v.id),
    );
    const clauses = whenClauses();
    assert.ok(clauses.length > 0);
    for (const { where, clause } of clauses) {
      const parsed = parseWhen(clause);
      for (const key of keysOf(parsed)) {
        const known =
          VSCODE_KEYS.has(key) ||
          EXTENSION_KEYS.has(key) ||
          (key.startsWith('config.megaapi.') && key.slice('config.'.length) in configuration.properties);
        assert.ok(known, `${where}: "${key}" is a context key nothing sets (in: ${clause})`);
      }
      for (const [, view] of clause.matchAll(/\bview\s*==\s*'?([\w.-]+)'?/g)) {
        assert.ok(viewIds.has(view), `${where}: no view "${view}" is contributed`);
      }
      for (const [, panel] of clause.matchAll(/\bactiveWebviewPanelId\s*==\s*'?([\w.-]+)'?/g)) {
        assert.equal(panel, 'megaapi.qr', `${where}: the only webview panel is megaapi.qr`);
      }
    }
    const commandIds = new Set(commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(manifest().contributes.menus)) {
      for (const entry of entries) {
        assert.ok(commandIds.has(entry.command), `${menu} lists ${entry.command}, which is not contributed`);
      }
    }
  });

  it('links only to registered commands from the welcome view and the walkthrough', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const { viewsWelcome = [], walkthroughs = [], configuration } = manifest().contributes;
    const texts = [...viewsWelcome.map((w) => w.contents), JSON.stringify(walkthroughs)];
    const linked = texts.flatMap((text) => [...text.matchAll(/command:([\w.-]+)/g)].map((m) => m[1]));
    assert.ok(linked.length > 0, 'the welcome view links to no command');
    assert.deepEqual(
      linked.filter((command) => !registered.has(command)),
      [],
    );
    for (const event of walkthroughs.flatMap((w) => w.steps.flatMap((s) => s.completionEvents ?? []))) {
      const [kind, what] = event.split(':');
      if (kind === 'onCommand') assert.ok(registered.has(what), `${event}: no such command`);
      else if (kind === 'onSettingChanged') assert.ok(what in configuration.properties, `${event}: no such setting`);
      else if (kind === 'onContext') assert.ok(EXTENSION_KEYS.has(what), `${event}: nothing sets ${what}`);
    }
  });

  it('reads back every setting’s declared default', () => {
    const { properties } = manifest().contributes.configuration;
    const config = vscode.workspace.getConfiguration();
    for (const [name, declared] of Object.entries(properties)) {
      const inspected = config.inspect(name);
      assert.ok(inspected, `${name} is not a known setting`);
      assert.deepEqual(inspected.defaultValue, declared.default, `${name}: default`);
      if (declared.type === 'number') {
        const { minimum, maximum } = declared;
        assert.ok(minimum !== undefined && maximum !== undefined, `${name} declares no bounds`);
        assert.ok(minimum <= (declared.default as number) && (declared.default as number) <= maximum);
      }
    }
  });
});
