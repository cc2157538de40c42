import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  Mock,
  answering,
  itemOf,
  linkedInstance,
  manifest,
  removeInstance,
  sleep,
  waitFor,
  withSettings,
} from './support';

/** The health watch's commands and setting, through VS Code's command API, against the mock. */
describe('the health watch: Deep Check, Mute, and its setting', function () {
  this.timeout(90_000);
  let mock: Mock;
  const key = 'megastart-suite-watch1';
  const arg = () => ({ instance: mock.instance(key) });
  const run = (command: string) =>
    answering([], () => vscode.commands.executeCommand(command, arg()), { notifications: 'dismiss' });

  before(async () => {
    mock = await Mock.connect();
    await linkedInstance(mock, key, 'watch-token');
  });
  after(async () => {
    await mock.reset();
    await removeInstance(mock.instance(key));
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('declares the setting: default 60, 0 for off, and the three commands by their pinned names', () => {
    const setting = manifest().contributes.configuration.properties['megaapi.watch.intervalSeconds'];
    assert.equal(setting.type, 'number');
    assert.equal(setting.default, 60);
    assert.equal(setting.minimum, 0);
    const commands = manifest().contributes.commands.map((c) => c.command);
    for (const id of ['megaapi.deepCheck', 'megaapi.muteInstance', 'megaapi.unmuteInstance']) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('Deep Check says linked and working, with each step and its time', async () => {
    await mock.link(key, { id: '5511987654321@s.whatsapp.net', name: 'Loja Suite' });
    await mock.clearRequests();
    const { seen } = await run('megaapi.deepCheck');
    const told = seen.find((p) => p.kind === 'information');
    assert.ok(told, JSON.stringify(seen));
    assert.match(told.text, /linked and working/);
    assert.match(told.text, /Status: connected \(\d+ ms\)/);
    assert.match(told.text, /Own number on WhatsApp: yes \(\d+ ms\)/);
    const asked = (await mock.requests(key)).filter((r) => r.path.includes('isOnWhatsApp'));
    assert.equal(asked.length, 1, JSON.stringify(asked));
    assert.match(JSON.stringify(asked[0]), /5511987654321/);
    assert.equal(seen.filter((p) => p.kind === 'modal').length, 0, 'nothing is sent while nobody listens');
  });

  it('Deep Check says not linked, with no number check, once the phone is gone', async () => {
    await mock.unlink(key);
    await mock.clearRequests();
    const { seen } = await run('megaapi.deepCheck');
    const told = seen.find((p) => p.kind === 'warning');
    assert.ok(told && /is not linked to WhatsApp/.test(told.text), JSON.stringify(seen));
    assert.ok(!(await mock.requests(key)).some((r) => r.path.includes('isOnWhatsApp')));
    await mock.link(key, { id: '5511987654321@s.whatsapp.net', name: 'Loja Suite' });
  });

  it('Mute shows the instance as muted in the sidebar, and Unmute takes it back', async () => {
    const muted = await run('megaapi.muteInstance');
    assert.ok(muted.seen.some((p) => p.kind === 'information' && /muted/.test(p.text)));
    const item = await waitFor('the muted row', async () => {
      const found = await itemOf(mock.instance(key));
      return String(found?.description).startsWith('muted') && found;
    });
    assert.match(String(item.contextValue), /\.muted$/);
    await run('megaapi.unmuteInstance');
    const back = await waitFor('the row without mute', async () => {
      const found = await itemOf(mock.instance(key));
      return found && !String(found.description).startsWith('muted') && found;
    });
    assert.doesNotMatch(String(back.contextValue), /\.muted$/);
  });

  it('never sweeps more often than every 15 s, whatever the setting says', async function () {
    if (!vscode.window.state.focused) {
      // The watch runs only in a focused window; a test host in the background has none.
      this.skip();
    }
    await withSettings({ 'watch.intervalSeconds': 1 }, async () => {
      await mock.clearRequests();
      await sleep(6000);
      const statuses = (await mock.requests(key)).filter((r) => r.path.endsWith(`/instance/${key}`));
      assert.ok(statuses.length <= 1, `${statuses.length} status requests in 6 s`);
    });
  });

  it('tells of a drop once, naming the instance and its account, when the watch is on', async function () {
    if (!vscode.window.state.focused) this.skip();
    await mock.link(key, { id: '5511987654321@s.whatsapp.net', name: 'Loja Suite' });
    await vscode.commands.executeCommand('megaapi.refreshStatus', arg());
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showWarningMessage;
    const warnings: Array<{ text: string; buttons: unknown[] }> = [];
    window.showWarningMessage = (text: string, ...buttons: unknown[]) => {
      warnings.push({ text, buttons });
      return Promise.resolve(undefined);
    };
    try {
      await withSettings({ 'watch.intervalSeconds': 15 }, async () => {
        await mock.unlink(key);
        await waitFor('the drop notification', () => warnings.some((w) => w.text.includes(key)), 40_000);
        // A second sweep of the same state says nothing more.
        await sleep(16_000);
      });
    } finally {
      window.showWarningMessage = original;
    }
    const drops = warnings.filter((w) => w.text.includes(key));
    assert.equal(drops.length, 1, JSON.stringify(drops));
    assert.match(drops[0].text, /no longer connected/);
    assert.match(drops[0].text, /Loja Suite/);
    assert.deepEqual(drops[0].buttons, ['Show QR', 'Restart', 'Mute']);
  });
});
