import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  Mock,
  answering,
  closeAllEditors,
  itemOf,
  manifest,
  qrTabs,
  removeInstance,
  setToken,
  sleep,
  waitFor,
  withSettings,
} from './support';

/** What a hand-edited settings.json can hold where a number belongs. */
const INVALID: Array<[string, unknown]> = [
  ['a string', 'abc'],
  ['zero', 0],
  ['a negative number', -5],
  ['a huge number', 1e12],
];

describe('invalid numeric settings', () => {
  let mock: Mock;
  const key = 'megastart-suite-settings';

  before(async () => {
    mock = await Mock.connect();
    await mock.addInstance(key, 'settings-token');
    await setToken(mock.instance(key), 'settings-token');
  });
  afterEach(async () => {
    await closeAllEditors();
    await mock.reset();
  });
  after(async () => {
    await removeInstance(mock.instance(key));
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  for (const [what, value] of INVALID) {
    it(`leave Refresh Status and Show QR working when every number is ${what}`, async () => {
      const instance = mock.instance(key);
      const numbers = Object.entries(manifest().contributes.configuration.properties)
        .filter(([, p]) => p.type === 'number')
        .map(([name]) => name.replace(/^megaapi\./, ''));
      assert.ok(numbers.includes('requestTimeoutSeconds'));
      await withSettings(Object.fromEntries(numbers.map((name) => [name, value])), async () => {
        const config = vscode.workspace.getConfiguration('megaapi');
        for (const name of numbers) {
          assert.deepEqual(
            config.inspect(name)?.globalValue,
            JSON.parse(JSON.stringify(value)),
            `${name} was not stored`,
          );
        }
        // A timeout of NaN, 0 or past 2^31-1 ms would fire at once and turn this slow answer into "unreachable".
        await mock.fault({ match: key, delayMs: 300, count: 1 });
        const { seen } = await answering([], async () => {
          await vscode.commands.executeCommand('megaapi.refreshStatus', { instance });
          const item = await itemOf(instance);
          assert.equal(item?.contextValue, 'instance.disconnected', `state: ${String(item?.description)}`);

          await vscode.commands.executeCommand('megaapi.showQr', { instance });
          await waitFor('the QR panel', () => qrTabs().length === 1);
          await waitFor('a QR request', async () =>
            (await mock.requests(key)).some((r) => r.path.includes('qrcode') && r.authorized),
          );
          // A refresh interval that is NaN or 0 would ask for QR after QR.
          await sleep(1500);
        });
        const qrs = (await mock.requests(key)).filter((r) => r.path.includes('qrcode'));
        assert.equal(qrs.length, 1, `${qrs.length} QR requests in 1.5 s`);
        assert.deepEqual(
          seen.filter((p) => p.kind === 'error' || p.kind === 'warning'),
          [],
          'a command reported a problem',
        );
      });
    });
  }
});
