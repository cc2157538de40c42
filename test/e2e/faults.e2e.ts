import * as assert from 'node:assert/strict';
import { waitFor } from './harness/processes';
import { Stack, startStack } from './harness/stack';

const KEY = 'megastart-fault1';
const OTHER = 'megastart-fault2';
const TOKEN = 'token-fault';

describe('when MegaAPI misbehaves, the panel says what is wrong and recovers', function () {
  let stack: Stack;

  before(async () => {
    stack = await startStack({
      instances: [`${KEY}:${TOKEN}`, `${OTHER}:${TOKEN}`],
      qrRotateSeconds: 600,
      settings: (url) => ({ 'megaapi.baseUrl': url, 'megaapi.requestTimeoutSeconds': 2 }),
    });
    const { workbench } = stack;
    await workbench.showQrFor(KEY, TOKEN);
  });
  after(async () => stack?.stop());

  const refreshWith = async (fault: Record<string, unknown>) => {
    await stack.mock.fault({ match: '/qrcode_base64/', ...fault });
    await stack.workbench.clickInPanel('button#refresh');
  };

  // With a QR on screen, a failed refresh keeps it, marked stale, and says why.
  const rows: Array<[string, Record<string, unknown>, RegExp, boolean]> = [
    [
      'a 502 with an HTML body',
      { status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' },
      /MegaAPI is having trouble \(HTTP 502\)/,
      true,
    ],
    ['a body that is not JSON', { status: 200, body: 'OK', contentType: 'text/plain' }, /not JSON \(HTTP 200\)/, true],
    [
      'a qrcode that is not an image',
      { status: 200, body: JSON.stringify({ error: false, qrcode: '<img src=x onerror=alert(1)>' }) },
      /not a valid image/,
      true,
    ],
    [
      'a 200 with "error": true',
      { status: 200, body: JSON.stringify({ error: true, message: 'Instance busy' }) },
      /MegaAPI answered: Instance busy/,
      true,
    ],
    ['a host that never answers', { hang: true }, /did not answer within 2 s/, true],
    [
      'an empty qrcode',
      { status: 200, body: JSON.stringify({ error: false, qrcode: '' }) },
      /no QR code ready yet/,
      false,
    ],
  ];
  for (const [what, fault, text, stale] of rows) {
    it(`${what}: says so, then shows the QR again on its own`, async () => {
      const { workbench, mock } = stack;
      await refreshWith(fault);
      const view = await workbench.waitForPanelText(text, 20_000);
      assert.equal(view.stale, stale);
      // The panel retries by itself (2 s backoff); the fault was for one request only.
      const expected = (await mock.state(KEY)).currentQr as string;
      assert.equal(await workbench.waitForQr(expected, 30_000), expected);
      assert.equal((await workbench.panelView()).stale, false);
    });
  }

  it('a burst of 50 Refresh clicks sends at most one QR request at a time', async () => {
    const { workbench, mock } = stack;
    await mock.fault({ match: '/qrcode_base64/', delayMs: 800, count: 100 });
    const before = (await mock.requests(KEY)).filter((r) => r.path.includes('qrcode')).length;
    const frame = await workbench.panelFrame();
    await frame.evaluate(() => {
      const button = document.getElementById('refresh') as HTMLButtonElement;
      for (let i = 0; i < 50; i++) button.click();
    });
    await workbench.page.waitForTimeout(4_000);
    const qrRequests = (await mock.requests(KEY)).filter((r) => r.path.includes('qrcode')).slice(before);
    assert.ok(qrRequests.length >= 1 && qrRequests.length <= 3, `${qrRequests.length} requests for 50 clicks`);
    await fetch(`${mock.url}/__mock/faults`, { method: 'DELETE' });
    assert.equal(
      await workbench.waitForQr((await mock.state(KEY)).currentQr as string),
      (await mock.state(KEY)).currentQr,
    );
  });

  it('after a window reload the panel comes back and shows the QR', async () => {
    const { workbench, mock } = stack;
    await workbench.page.reload();
    await workbench.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await waitFor(
      'the restored panel tab',
      async () =>
        (await workbench.page.locator('.tab', { hasText: `MegaAPI QR: ${KEY}` }).count()) > 0 ? true : undefined,
      30_000,
    );
    const expected = (await mock.state(KEY)).currentQr as string;
    assert.equal(await workbench.waitForQr(expected, 30_000), expected);
  });
});
