import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startTunnel } from './harness/loopbackTunnel';
import { freePort, waitFor } from './harness/processes';
import { Stack, screenshotsDir, startStack } from './harness/stack';

const KEY = 'megastart-events1';
const TOKEN = 'token-events-71c0';
const ORIGINAL = {
  webhookUrl: 'https://example.com/hooks/megaapi-original',
  webhookEnabled: true,
  webhookSecondaryUrl: 'https://example.com/hooks/megaapi-secondary',
  webhookSecondaryEnabled: false,
};

/** The developer's own webhook handler. */
async function startHandler(): Promise<{ url: string; bodies: Buffer[]; server: Server }> {
  const bodies: Buffer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"handled":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, bodies, server };
}

describe('webhook events through a loopback tunnel: listen, send, see, forward, replay, stop', function () {
  let stack: Stack;
  let tunnel: { url: string; server: Server };
  let handler: { url: string; bodies: Buffer[]; server: Server };

  before(async () => {
    const port = await freePort();
    stack = await startStack({
      instances: [`${KEY}:${TOKEN}`],
      qrRotateSeconds: 600,
      settings: (mockUrl) => ({
        'megaapi.baseUrl': mockUrl,
        'megaapi.closePanelWhenConnected': false,
        // The mock and the tunnel stand-in are both on this machine: local development.
        'megaapi.allowInsecureHttp': true,
        'megaapi.events.port': port,
      }),
    });
    await stack.workbench.showQrFor(KEY, TOKEN);
    await stack.mock.connect(KEY);
    await stack.workbench.waitForPanelState('connected', 20_000);
    await stack.mock.setWebhook(KEY, { webhookSecondaryEnabled: false });
    tunnel = await startTunnel(port);
    handler = await startHandler();
  });
  after(async () => {
    for (const server of [tunnel?.server, handler?.server]) {
      server?.closeAllConnections();
      server?.close();
    }
    await stack?.stop();
  });

  it('listens, sees the echo and acks of a sent message, forwards them, replays one, and stops leaving the webhook as it was', async () => {
    const { workbench, mock } = stack;
    assert.deepEqual(await mock.webhook(KEY), ORIGINAL);

    await workbench.runCommand('MegaAPI: Forward Events To…');
    await workbench.answer('Forward webhook events to your handler', handler.url);
    await workbench.notification('now forwarded').waitFor();

    await workbench.runCommand('MegaAPI: Listen for Webhook Events');
    await workbench.dialog().waitFor();
    assert.match(await workbench.dialog().innerText(), /ngrok http \d+/);
    await workbench
      .dialog()
      .locator('.dialog-buttons .monaco-button', { hasText: /^Enter Public URL$/ })
      .click();
    await workbench.answer('The public address of your tunnel', tunnel.url);
    await waitFor('the tap confirmation', async () =>
      (await workbench.dialog().isVisible()) && (await workbench.dialog().innerText()).includes('Add an events tap')
        ? true
        : undefined,
    );
    await workbench
      .dialog()
      .locator('.dialog-buttons .monaco-button', { hasText: /^Listen$/ })
      .click();
    await workbench.notification('through its secondary URL').waitFor();
    const tapped = await mock.webhook(KEY);
    assert.match(String(tapped.webhookSecondaryUrl), new RegExp(`^${tunnel.url}/megaapi/[0-9a-f]{32}$`));
    assert.deepEqual(
      { ...tapped, webhookSecondaryUrl: undefined },
      { ...ORIGINAL, webhookSecondaryUrl: undefined, webhookSecondaryEnabled: true },
    );

    await workbench.runCommand('MegaAPI: Send Test Message');
    await workbench.answer('To: a WhatsApp number', '5511912345678');
    await workbench.answer('The text of the test message', 'events e2e');
    await workbench.dialog().waitFor();
    await workbench
      .dialog()
      .locator('.dialog-buttons .monaco-button', { hasText: /^Send$/ })
      .click();

    await waitFor(
      'the echo and three acks at the handler',
      async () => (handler.bodies.length >= 4 ? true : undefined),
      20_000,
    );
    const kinds = handler.bodies.map(
      (b) => JSON.parse(b.toString()) as { messageType: string; update?: { status: number } },
    );
    assert.deepEqual(
      kinds.map((k) => [k.messageType, k.update?.status]),
      [
        ['conversation', undefined],
        ['message.ack', 2],
        ['message.ack', 3],
        ['message.ack', 4],
      ],
    );
    await workbench.runCommand('View: Show MegaAPI');
    const readRow = workbench.sidebarRow('Ack: read');
    await readRow.waitFor();
    await waitFor('the handler status on the row', async () =>
      (await readRow.innerText()).includes('→ 200') ? true : undefined,
    );
    await workbench.sidebarRow('You sent to').waitFor();
    // The README's picture: the view beside the event it opens (pretty JSON, read-only).
    await workbench.runCommand('View: Close All Editors');
    await readRow.click();
    const editor = workbench.page.locator('.monaco-editor .view-lines').last();
    await waitFor('the event in an editor', async () =>
      (await editor.innerText()).includes('message.ack') ? true : undefined,
    );
    assert.ok(!(await editor.innerText()).includes(TOKEN));
    await workbench.settleNotifications();
    mkdirSync(screenshotsDir, { recursive: true });
    await workbench.screenshot(join(screenshotsDir, 'events-view.png'));

    await workbench.runCommand('MegaAPI: Replay Event');
    await workbench.prompt('Replay which event?');
    await workbench.page.keyboard.press('Enter');
    await waitFor('the replay at the handler', async () => (handler.bodies.length >= 5 ? true : undefined));
    assert.deepEqual(handler.bodies[4], handler.bodies[3], 'the newest event, byte for byte');

    await workbench.runCommand('MegaAPI: Stop Listening');
    await workbench.notification('back as it was').waitFor();
    assert.deepEqual(await mock.webhook(KEY), ORIGINAL);
  });
});
