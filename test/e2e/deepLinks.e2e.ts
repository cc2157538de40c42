import * as assert from 'node:assert/strict';
import { waitFor } from './harness/processes';
import { Stack, startStack } from './harness/stack';

const KEY = 'megastart-link1';
const TOKEN = 'link1-token';
/** Put in the link: it must not reach MegaAPI, nor any notification. */
const LINK_TOKEN = 'link-token-from-a-web-page';

/**
 * A link as a person meets one, in the packaged extension: copied from the
 * panel, opened with Developer: Open URL (what a browser's "Open in VS Code"
 * does on the desktop), with VS Code's own dialog and ours on screen.
 */
describe('links to an instance', function () {
  let stack: Stack;

  before(async () => {
    stack = await startStack({
      instances: [`${KEY}:${TOKEN}`],
      qrRotateSeconds: 600,
      settings: (url) => ({ 'megaapi.baseUrl': url }),
    });
  });
  after(async () => stack?.stop());
  // One panel at a time: two hosts can share a key, and so a panel title.
  afterEach(async () => {
    await stack.workbench.runCommand('View: Close All Editors').catch(() => undefined);
  });

  const dialogButton = async (expected: RegExp, button: string): Promise<string> => {
    const dialog = stack.workbench.dialog();
    await dialog.waitFor();
    // This dialog, not "a dialog": the next one (ours, after VS Code's) can take its place at once.
    const shown = await dialog.elementHandle();
    const text = await dialog.innerText();
    assert.match(text, expected);
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${button}$`) }).click();
    await shown?.waitForElementState('hidden');
    return text;
  };

  it('copies a link from the QR panel, saying it carries no token', async () => {
    const { workbench } = stack;
    await workbench.showQrFor(KEY, TOKEN);
    await workbench.clickInPanel('button[data-action="copyLink"]');
    const said = await waitFor('the notification', async () =>
      (await workbench.notifications()).find((text) => text.includes('Copied a link')),
    );
    assert.match(said, new RegExp(`Copied a link to ${KEY} on 127\\.0\\.0\\.1:\\d+\\. It carries no token`));
  });

  it('opens a link to a host never used only after a question that names it, and ignores its token', async () => {
    const { workbench, mock } = stack;
    const other = mock.url.replace('://127.0.0.1:', '://localhost:');
    const host = new URL(other).host;
    const link = `code-oss://megaapi-community.megaapi-vscode/showQr?host=${encodeURIComponent(other)}&key=${KEY}&token=${LINK_TOKEN}`;
    const since = Date.now();
    await workbench.runCommand('Developer: Open URL');
    await workbench.answer('URL to open', link);
    await dialogButton(/MegaAPI for VS Code/, 'Open');
    const asked = await dialogButton(new RegExp(`Open the instance ${KEY} on ${host}\\?`), 'Open');
    assert.match(asked, new RegExp(`points to ${other.replace(/\./g, '\\.')}, a MegaAPI host not used`));
    await workbench.answer(`MegaAPI token for ${KEY} on ${host}`, TOKEN);
    await workbench.readQrOf(KEY);
    const notes = (await workbench.notifications()).join('\n');
    assert.match(notes, /carried a token\. It was ignored and not stored/);
    assert.ok(!notes.includes(LINK_TOKEN));
    const requests = (await mock.requests(KEY)).filter((r) => r.time >= since);
    assert.ok(requests.length > 0);
    assert.ok(requests.every((r) => r.authorization === `Bearer ${TOKEN}` && !JSON.stringify(r).includes(LINK_TOKEN)));
  });

  it('opens nothing when the question about a new host is declined', async () => {
    const { workbench, mock } = stack;
    const other = mock.url.replace('://127.0.0.1:', '://[::1]:');
    const since = Date.now();
    await workbench.runCommand('Developer: Open URL');
    await workbench.answer(
      'URL to open',
      `code-oss://megaapi-community.megaapi-vscode/pairingCode?host=${encodeURIComponent(other)}&key=${KEY}`,
    );
    await dialogButton(/MegaAPI for VS Code/, 'Open');
    await dialogButton(/Open the instance/, 'Cancel');
    await workbench.page.waitForTimeout(1_000);
    assert.ok(!(await workbench.page.locator('.quick-input-widget').isVisible()), 'no prompt follows');
    assert.deepEqual(
      (await mock.requests(KEY)).filter((r) => r.time >= since && r.path.includes('pairingCode')),
      [],
    );
  });
});
