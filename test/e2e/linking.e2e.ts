import * as assert from 'node:assert/strict';
import { waitFor } from './harness/processes';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, screenshotsDir, startStack } from './harness/stack';

const KEY = 'megastart-life1';
const TOKEN = 'token-life';

describe('linking: auto-refresh, cap, pairing code, sidebar, connect, logout and restart', function () {
  let stack: Stack;

  before(async function () {
    // Short timings so the cap arrives within the test: new QR every 10 s, stop after 2.
    stack = await startStack({
      instances: [`${KEY}:${TOKEN}`],
      qrRotateSeconds: 10,
      settings: (mockUrl) => ({ 'megaapi.baseUrl': mockUrl, 'megaapi.qrRefreshSeconds': 10, 'megaapi.maxQrCodes': 2 }),
    });
    const { workbench } = stack;
    await workbench.showQrFor(KEY, TOKEN);
  });
  after(async () => stack?.stop());

  it('the QR changes by itself before it expires', async () => {
    const { workbench, mock } = stack;
    const first = await workbench.readQr();
    const next = await waitFor(
      'a new QR on screen',
      async () => {
        const shown = await workbench.readQr().catch(() => undefined);
        return shown && shown !== first ? shown : undefined;
      },
      25_000,
      1_000,
    );
    assert.ok((await mock.state(KEY)).issuedQrs.includes(next));
  });

  it('after the cap the last QR is marked expired, and Generate new QR starts again', async () => {
    const { workbench } = stack;
    const view = await workbench.waitForPanelState('expired', 30_000);
    assert.match(view.headline, /expired/i);
    await workbench.clickInPanel('button[data-action="generate"]');
    await workbench.waitForPanelState('qr');
  });

  it('the pairing code shown is the one MegaAPI issued', async () => {
    const { workbench, mock } = stack;
    const frame = await workbench.panelFrame();
    await frame.click('#pairing summary');
    await frame.fill('#phone', '+55 11 99999-9999');
    await frame.click('#pairing-submit');
    const shown = await waitFor(
      'a pairing code',
      async () => (await frame.textContent('#pairing-code'))?.trim() || undefined,
    );
    const issued = (await mock.state(KEY)).lastPairingCode as string;
    assert.equal(shown.replace('-', ''), issued);
    assert.match(shown, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    mkdirSync(screenshotsDir, { recursive: true });
    await frame.locator('#pairing').scrollIntoViewIfNeeded();
    await workbench.screenshot(join(screenshotsDir, 'pairing-code.png'));
  });

  it('the sidebar lists the instance with its state', async () => {
    const { workbench } = stack;
    await workbench.runCommand('View: Show MegaAPI');
    const row = workbench.page.locator('.pane-body .monaco-list-row', { hasText: KEY });
    await row.waitFor();
    await waitFor('the state in the sidebar', async () =>
      (await row.innerText()).includes('disconnected') ? true : undefined,
    );
  });

  it('when the phone links, the panel says so and closes, and the sidebar shows the account', async () => {
    const { workbench, mock } = stack;
    await mock.connect(KEY);
    const view = await workbench.waitForPanelState('connected', 20_000);
    assert.match(view.message, /Loja Teste/);
    await waitFor(
      'the panel to close',
      async () =>
        (await workbench.page.locator('.tab', { hasText: `MegaAPI QR: ${KEY}` }).count()) === 0 ? true : undefined,
      15_000,
    );
    const row = workbench.page.locator('.pane-body .monaco-list-row', { hasText: KEY });
    await waitFor('the account in the sidebar', async () =>
      (await row.innerText()).includes('+55 11 98765-4321') ? true : undefined,
    );
    await workbench.screenshot(join(screenshotsDir, 'sidebar.png'));
  });

  it('Logout and Restart ask first, then reach MegaAPI', async () => {
    const { workbench, mock } = stack;
    for (const [command, button, path] of [
      ['MegaAPI: Logout', 'Log Out', `/rest/instance/${KEY}/logout`],
      ['MegaAPI: Restart', 'Restart', `/rest/instance/${KEY}/restart`],
    ]) {
      await workbench.runCommand(command);
      const dialog = workbench.dialog();
      await dialog.waitFor();
      assert.match(await dialog.innerText(), new RegExp(KEY));
      await dialog.locator('.dialog-buttons .monaco-button', { hasText: button }).click();
      await waitFor(`${path} at the mock`, async () =>
        (await mock.requests(KEY)).some((r) => r.method === 'DELETE' && r.path === path) ? true : undefined,
      );
    }
    assert.equal((await mock.state(KEY)).connected, false);
  });
});
