import * as assert from 'node:assert/strict';
import { Stack, startStack } from './harness/stack';

const A = 'megastart-e2eA1';
const B = 'megastart-e2eB2';
const TOKEN_A = 'token-A-7f3k';
const TOKEN_B = 'token-B-9q2z';

describe('MegaAPI: Show QR in a real VS Code', function () {
  let stack: Stack;

  before(async function () {
    // Long QR windows: the tests rotate the QR when they want a new one.
    stack = await startStack({ instances: [`${A}:${TOKEN_A}`, `${B}:${TOKEN_B}`], qrRotateSeconds: 600 });
  });
  after(async () => stack?.stop());
  afterEach(async () => {
    await stack.workbench.runCommand('View: Close All Editors').catch(() => undefined);
  });

  it('asks for the host, the key and the token, then shows the QR the server issued', async () => {
    const { workbench, mock } = stack;
    await workbench.runCommand('MegaAPI: Show QR');
    await workbench.answer('MegaAPI host', mock.url);
    await workbench.answer('instance key', A);
    const tokenPrompt = await workbench.answer(`MegaAPI token for ${A}`, TOKEN_A);
    assert.match(tokenPrompt, /secret storage/);
    const shown = await workbench.readQr();
    assert.equal(shown, (await mock.state(A)).currentQr);
    const requests = await mock.requests(A);
    assert.ok(requests.length > 0 && requests.every((r) => r.authorization === `Bearer ${TOKEN_A}`));
  });

  it('Refresh shows the next QR the server issued', async () => {
    const { workbench, mock } = stack;
    await workbench.runCommand('MegaAPI: Show QR');
    await workbench.answer('instance key', A);
    const first = await workbench.readQr();
    const next = await mock.rotate(A);
    assert.notEqual(next, first);
    await workbench.clickInPanel('button#refresh');
    assert.equal(await workbench.waitForQr(next), next);
  });

  it('a wrong token shows the rejected-token state; Set Token with the right one shows the QR', async () => {
    const { workbench, mock } = stack;
    await workbench.runCommand('MegaAPI: Show QR');
    await workbench.answer('instance key', B);
    await workbench.answer(`MegaAPI token for ${B}`, 'not-the-token');
    const view = await workbench.waitForPanelState('error');
    assert.match(view.message, /rejected the token for megastart-e2eB2/);
    await workbench.clickInPanel('button[data-action="setToken"]');
    await workbench.answer(`MegaAPI token for ${B}`, TOKEN_B);
    assert.equal(await workbench.waitForQr((await mock.state(B)).currentQr as string), (await mock.state(B)).currentQr);
  });

  it('an unknown instance key is named, with the host, as not found', async () => {
    const { workbench } = stack;
    await workbench.runCommand('MegaAPI: Show QR');
    await workbench.answer('instance key', 'megastart-nobody9');
    await workbench.answer('MegaAPI token for megastart-nobody9', 'any-token');
    const view = await workbench.waitForPanelState('error');
    assert.match(view.message, /"megastart-nobody9" was not found on 127\.0\.0\.1:\d+/);
  });

  it('an instance already linked shows as connected, with the account', async () => {
    const { workbench, mock } = stack;
    await mock.connect(A);
    try {
      await workbench.runCommand('MegaAPI: Show QR');
      await workbench.answer('instance key', A);
      const view = await workbench.waitForPanelState('connected');
      assert.match(view.message, /megastart-e2eA1 is linked to Loja Teste · \+55 11 98765-4321/);
    } finally {
      await mock.disconnect(A);
    }
  });

  it('after the panel closes, no request reaches the server for that instance', async () => {
    const { workbench, mock } = stack;
    await workbench.runCommand('MegaAPI: Show QR');
    await workbench.answer('instance key', A);
    await workbench.readQr();
    await workbench.runCommand('View: Close All Editors');
    await workbench.page.waitForTimeout(1_000);
    const before = (await mock.requests(A)).length;
    // Longer than the status poll (4 s) and a backoff step: anything still running would show.
    await workbench.page.waitForTimeout(9_000);
    assert.equal((await mock.requests(A)).length, before);
  });
});
