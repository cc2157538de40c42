import * as assert from 'node:assert/strict';
import { waitFor } from './harness/processes';
import { Stack, startStack } from './harness/stack';

const A = 'megastart-twoA1';
const B = 'megastart-twoB2';
const TOKEN = 'token-two';

describe('two panels for two instances', function () {
  let stack: Stack;

  before(async () => {
    stack = await startStack({
      instances: [`${A}:${TOKEN}`, `${B}:${TOKEN}`],
      qrRotateSeconds: 600,
      settings: (url) => ({ 'megaapi.baseUrl': url }),
    });
  });
  after(async () => stack?.stop());

  it('each shows its own QR and its own trouble, switching between their tabs', async () => {
    const { workbench, mock } = stack;
    assert.equal(await workbench.showQrFor(A, TOKEN), (await mock.state(A)).currentQr);

    await workbench.runCommand('MegaAPI: Show QR');
    await workbench.answer('instance key', B);
    await workbench.answer(`MegaAPI token for ${B}`, 'wrong-token-for-B');
    const frameB = await workbench.panelFrame(30_000, B);
    await waitFor('B to show the rejected token', async () =>
      (await frameB.getAttribute('#app', 'data-state')) === 'error' ? true : undefined,
    );

    // A is unaffected by B's error, and a new QR for A does not touch B.
    const nextA = await mock.rotate(A);
    await workbench.page.locator('.tab', { hasText: `MegaAPI QR: ${A}` }).click();
    const frameA = await workbench.panelFrame(30_000, A);
    await frameA.click('button#refresh');
    await waitFor('the new QR of A', async () => ((await workbench.readQrOf(A)) === nextA ? true : undefined));
    await workbench.page.locator('.tab', { hasText: `MegaAPI QR: ${B}` }).click();
    const frameBAgain = await workbench.panelFrame(30_000, B);
    await waitFor('B still in error', async () =>
      (await frameBAgain.getAttribute('#app', 'data-state')) === 'error' ? true : undefined,
    );
    assert.match((await frameBAgain.textContent('#message')) ?? '', /rejected the token for megastart-twoB2/);
    const bRequests = (await mock.requests(B)).filter((r) => r.path.includes('qrcode'));
    assert.ok(
      bRequests.every((r) => r.authorization === 'Bearer wrong-token-for-B'),
      "B never used A's token",
    );
  });
});
