import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './harness/processes';
import { Stack, screenshotsDir, startLinkedStack } from './harness/stack';

// Not "webhook" in the key: the sidebar's rows are found by text, and the key's row would match "Webhook" too.
const KEY = 'megastart-hook1';
const TOKEN = 'token-webhook-3f1a';
const ORIGINAL = {
  webhookUrl: 'https://example.com/hooks/megaapi-original',
  webhookEnabled: true,
  webhookSecondaryUrl: 'https://example.com/hooks/megaapi-secondary',
};
const TEST_URL = 'https://hooks.example.test/e2e?secret=s3cr3t-e2e';

describe('the webhook: shown, set, disabled and restored', function () {
  let stack: Stack;

  before(async () => {
    stack = await startLinkedStack(KEY, TOKEN);
  });
  after(async () => stack?.stop());

  it('the sidebar shows the webhook under the connected instance, masked', async () => {
    const { workbench } = stack;
    await workbench.runCommand('View: Show MegaAPI');
    const row = stack.workbench.sidebarRow(KEY);
    await waitFor('the instance connected in the sidebar', async () =>
      (await row.innerText()).includes('Loja Teste') ? true : undefined,
    );
    await row.locator('.monaco-tl-twistie').click();
    const webhook = stack.workbench.sidebarRow('Webhook');
    await waitFor('the webhook in the sidebar', async () =>
      (await webhook.innerText()).includes('example.com/hooks/… · enabled') ? true : undefined,
    );
    assert.ok(!(await webhook.innerText()).includes('megaapi-original'), 'the path past its first segment is masked');
  });

  it('Set Webhook refuses a URL MegaAPI cannot reach, writes a new one keeping the other fields, and reads it back', async () => {
    const { workbench, mock } = stack;
    await workbench.runCommand('MegaAPI: Set Webhook');
    await workbench.prompt('Set the webhook of');
    assert.equal(
      await stack.workbench.inputValue(),
      ORIGINAL.webhookUrl,
      'the current URL, in full, only in the input box',
    );
    await workbench.page.locator('.quick-input-widget input').fill('http://localhost:3000/hook');
    await workbench.prompt('MegaAPI cannot reach this machine');
    await workbench.answer('Set the webhook of', TEST_URL);

    await stack.workbench.notification(/is now https:\/\/hooks\.example\.test\/e2e\?…/).waitFor();
    assert.deepEqual(await mock.webhook(KEY), { ...ORIGINAL, webhookUrl: TEST_URL, webhookEnabled: true });
    const state = await mock.state(KEY);
    assert.deepEqual(state.webhookConfigs, [{ messageData: { ...ORIGINAL, webhookUrl: TEST_URL } }]);
    const webhook = stack.workbench.sidebarRow('Webhook');
    await waitFor('the new webhook in the sidebar', async () =>
      (await webhook.innerText()).includes('hooks.example.test/e2e?… · enabled') ? true : undefined,
    );
    assert.ok(!(await workbench.notifications()).join('\n').includes('s3cr3t'), 'the secret stays out of messages');
    assert.ok(!(await webhook.innerText()).includes('s3cr3t'), 'and out of the sidebar');
    // The README's picture: the webhook item with its tooltip, which shows the full URL, masked.
    await stack.workbench.settleNotifications();
    const sash = await workbench.page.locator('.part.sidebar').boundingBox();
    if (sash) {
      // Wider, so the picture shows the item's one line in full.
      const edge = { x: sash.x + sash.width + 1, y: sash.y + sash.height / 2 };
      await workbench.page.mouse.move(edge.x, edge.y);
      await workbench.page.mouse.down();
      await workbench.page.mouse.move(edge.x + 180, edge.y, { steps: 5 });
      await workbench.page.mouse.up();
    }
    await webhook.hover();
    await workbench.page
      .locator('.monaco-hover, .workbench-hover')
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => undefined);
    mkdirSync(screenshotsDir, { recursive: true });
    await workbench.screenshot(join(screenshotsDir, 'sidebar-webhook.png'), { x: 0, y: 0, width: 900, height: 220 });
  });

  it('Enable/Disable keeps the URL; Restore Previous Webhook puts the original back after asking', async () => {
    const { workbench, mock } = stack;
    await stack.workbench.settleNotifications();
    await workbench.runCommand('MegaAPI: Enable/Disable Webhook');
    // Turning production delivery off asks first, naming the instance.
    await stack.workbench.dialog().waitFor();
    assert.match(await stack.workbench.dialog().innerText(), new RegExp(`Disable the webhook of ${KEY}\\?`));
    await stack.workbench
      .dialog()
      .locator('.dialog-buttons .monaco-button', { hasText: /^Disable$/ })
      .click();
    await stack.workbench.notification(new RegExp(`webhook of ${KEY} is disabled`)).waitFor();
    assert.deepEqual(await mock.webhook(KEY), { ...ORIGINAL, webhookUrl: TEST_URL, webhookEnabled: false });
    await waitFor('the disabled webhook in the sidebar', async () =>
      (await stack.workbench.sidebarRow('Webhook').innerText()).includes('· disabled') ? true : undefined,
    );

    await stack.workbench.settleNotifications();
    await workbench.runCommand('MegaAPI: Restore Previous Webhook');
    await stack.workbench.dialog().waitFor();
    const asked = await stack.workbench.dialog().innerText();
    assert.match(asked, /example\.com\/hooks\/…/);
    assert.ok(!asked.includes('s3cr3t') && !asked.includes('megaapi-original'), 'both URLs masked');
    await stack.workbench
      .dialog()
      .locator('.dialog-buttons .monaco-button', { hasText: /^Restore$/ })
      .click();
    await stack.workbench.notification(new RegExp(`previous webhook of ${KEY} is back`)).waitFor();
    assert.deepEqual(await mock.webhook(KEY), ORIGINAL);
    await waitFor('the original webhook in the sidebar', async () =>
      (await stack.workbench.sidebarRow('Webhook').innerText()).includes('example.com/hooks/… · enabled')
        ? true
        : undefined,
    );

    await stack.workbench.settleNotifications();
    await workbench.runCommand('MegaAPI: Restore Previous Webhook');
    await stack.workbench.notification(/no previous webhook to restore/).waitFor();
  });
});
