import * as assert from 'node:assert/strict';
import { freePort } from '../shared/ports';
import { waitFor } from './harness/processes';
import { Stack, startStack } from './harness/stack';

const KEY = 'megastart-edit1';
const TOKEN = 'token-edit-1';
const TYPO = 'megastart-edti1';

/**
 * Changing the host or the key of an instance edits it in place: the panel
 * follows it, the token moves with it, and the sidebar keeps one entry.
 */
describe('changing the host or key of an instance from its panel', function () {
  let stack: Stack;
  let closedHost: string;

  before(async function () {
    closedHost = `http://127.0.0.1:${await freePort()}`;
    stack = await startStack({
      instances: [`${KEY}:${TOKEN}`],
      qrRotateSeconds: 600,
      settings: () => ({ 'megaapi.baseUrl': closedHost }),
    });
  });
  after(async () => stack?.stop());

  const sidebarRows = async () => {
    const { workbench } = stack;
    await workbench.runCommand('View: Show MegaAPI');
    const rows = workbench.page.locator('.pane-body .monaco-list-row');
    await rows.first().waitFor();
    return rows.allInnerTexts();
  };

  it('Change Host moves the instance to the new host with its token, and the panel follows', async () => {
    const { workbench, mock } = stack;
    await workbench.runCommand('MegaAPI: Show QR');
    await workbench.answer('instance key', TYPO);
    await workbench.answer(`MegaAPI token for ${TYPO}`, TOKEN);
    const down = await workbench.waitForPanelState('error');
    assert.match(down.message, /Cannot reach 127\.0\.0\.1/);
    await workbench.clickInPanel('button[data-action="editBaseUrl"]');
    await workbench.answer('MegaAPI host', mock.url);
    // A host never used before is named, and the token goes there only after "Move".
    const dialog = workbench.dialog();
    await dialog.waitFor();
    const asked = await dialog.innerText();
    assert.match(asked, new RegExp(`Move the instance ${TYPO} to ${new URL(mock.url).host.replace(/\./g, '\\.')}\\?`));
    assert.match(asked, /token of this instance will be sent there/);
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Move$/ }).click();
    // The token moved with the instance: no prompt, and the new host is asked with it.
    const view = await workbench.waitForPanelText(new RegExp(`"${TYPO}" was not found on 127\\.0\\.0\\.1:\\d+`));
    assert.equal(view.state, 'error');
    assert.ok((await mock.requests(TYPO)).every((r) => r.authorization === `Bearer ${TOKEN}`));
  });

  it('Change Instance Key fixes a typo in place: the same panel shows the QR, one entry in the sidebar', async () => {
    const { workbench, mock } = stack;
    await workbench.clickInPanel('button[data-action="editKey"]');
    await workbench.answer(`Change the instance key of ${TYPO}`, KEY);
    const expected = (await mock.state(KEY)).currentQr as string;
    assert.equal(await workbench.readQrOf(KEY), expected);
    const tabs = workbench.page.locator('.tab', { hasText: 'MegaAPI QR' });
    assert.equal(await tabs.count(), 1);
    assert.match(await tabs.first().innerText(), new RegExp(KEY));
    const rows = await waitFor('the sidebar to follow', async () => {
      const texts = await sidebarRows();
      return texts.some((t) => t.includes(KEY)) && !texts.some((t) => t.includes(TYPO)) ? texts : undefined;
    });
    assert.equal(rows.filter((t) => t.includes(KEY)).length, 1);
  });
});
