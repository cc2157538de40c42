import * as assert from 'node:assert/strict';
import { Stack, startStack } from './harness/stack';

const KEY = 'megastart-watch1';
const TOKEN = 'token-watch-4k2p';

describe('the health watch in a real VS Code', function () {
  let stack: Stack;

  before(async () => {
    stack = await startStack({
      instances: [`${KEY}:${TOKEN}`],
      qrRotateSeconds: 600,
      settings: (url) => ({
        'megaapi.baseUrl': url,
        'megaapi.closePanelWhenConnected': false,
        // The shortest interval a user can set: the test waits no longer than a user would.
        'megaapi.watch.intervalSeconds': 15,
      }),
    });
    const { workbench, mock } = stack;
    await workbench.showQrFor(KEY, TOKEN);
    await mock.connect(KEY);
    await workbench.waitForPanelState('connected', 20_000);
    await workbench.runCommand('View: Close All Editors');
    // Back in the workbench, as a person is after closing the panel: the focus left with the
    // panel's iframe, and a browser tells the page it is focused again only on a click.
    await workbench.page.locator('.part.editor').click({ position: { x: 40, y: 40 } });
  });
  after(async () => stack?.stop());

  it('notices the drop within the interval, says so once, and its Show QR opens the panel on a fresh QR', async () => {
    const { workbench, mock } = stack;
    const dropped = Date.now();
    await mock.flip(KEY, 500, false);
    const toast = workbench.notification(/no longer connected/);
    try {
      await toast.waitFor({ state: 'visible', timeout: 15_000 + 5_000 + 10_000 });
    } catch (error) {
      const checks = (await mock.requests(KEY)).filter((r) => r.path.endsWith(`/instance/${KEY}`));
      console.log(`      status checks (ms after the drop): ${checks.map((r) => r.time - dropped).join(', ')}`);
      console.log(`      toasts: ${JSON.stringify(await workbench.notifications())}`);
      throw error;
    }
    const noticedAfterMs = Date.now() - dropped;
    console.log(`      drop noticed after ${noticedAfterMs} ms (interval 15 s)`);
    const text = (await toast.innerText()).replace(/\s+/g, ' ');
    assert.match(text, new RegExp(KEY));
    assert.match(text, /Loja Teste/);
    await workbench.clickNotificationButton(/no longer connected/, 'Show QR');
    const expected = (await mock.state(KEY)).currentQr as string;
    assert.equal(await workbench.waitForQr(expected, 30_000), expected);
    const statusChecks = (await mock.requests(KEY)).filter((r) => r.path.endsWith(`/instance/${KEY}`));
    assert.ok(statusChecks.length > 0);
  });
});
