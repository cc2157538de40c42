import { connect } from 'node:net';
import { join } from 'node:path';
import { startTunnel } from '../e2e/harness/loopbackTunnel';
import { freePort, waitFor } from '../e2e/harness/processes';
import { resultsDir } from '../e2e/harness/stack';
import { BenchStack, KEYS } from './benchStack';

export const EVENTS_KEY = 'megastart-bench1';

/** A workbench listening for the webhook events of its one instance, and where to POST them. */
export interface ListeningStack {
  stack: BenchStack;
  /** The receiver's secret path on its own port: where MegaAPI's POSTs land after the tunnel. */
  receiverUrl: string;
  /** The baseline fixture's receiver, when it was installed. */
  baselineUrl?: string;
  stop(): Promise<void>;
}

/**
 * A returning user's workbench that ran Listen for Webhook Events the way a
 * user does (events.e2e.ts: the tunnel stand-in's URL typed in, the tap on
 * the secondary URL), with the Webhook Events view open. The bench then posts
 * straight to the receiver's port: the tunnel is not the extension's time.
 */
export async function startListening(vsix: string, baselineVsix?: string): Promise<ListeningStack> {
  const port = await freePort();
  const baselinePort = baselineVsix ? await freePort() : 0;
  const stack = await BenchStack.start({
    vsix,
    instances: [{ key: EVENTS_KEY, token: 'token-bench' }],
    baselineVsix,
    settings: {
      // The mock and the tunnel stand-in are both on this machine: local development.
      'megaapi.allowInsecureHttp': true,
      'megaapi.events.port': port,
      ...(baselinePort ? { 'baseline.eventsPort': baselinePort } : {}),
    },
  });
  const tunnel = await startTunnel(port);
  const stop = async () => {
    tunnel.server.closeAllConnections();
    tunnel.server.close();
    await stack.stop();
  };
  try {
    const { workbench, mock } = stack;
    await mock.setWebhook(EVENTS_KEY, { webhookSecondaryEnabled: false });
    await workbench.runCommand('MegaAPI: Listen for Webhook Events');
    await workbench.dialog().waitFor();
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
    const tapped = String((await mock.webhook(EVENTS_KEY)).webhookSecondaryUrl);
    const path = new URL(tapped).pathname;
    await workbench.settleNotifications();
    if (baselinePort) await baselineListening(stack, baselinePort);
    return {
      stack,
      receiverUrl: `http://127.0.0.1:${port}${path}`,
      baselineUrl: baselinePort ? `http://127.0.0.1:${baselinePort}/` : undefined,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The baseline activates when its view shows (in the Explorer): then its receiver takes connections. */
async function baselineListening(stack: BenchStack, port: number): Promise<void> {
  await stack.page.keyboard.press(KEYS.baselineEvents);
  const open = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
  try {
    await waitFor('the baseline’s receiver', async () => ((await open()) ? true : undefined), 20_000);
  } catch (error) {
    await stack.workbench.screenshot(join(resultsDir, 'bench', 'baseline-events-view.png'));
    throw error;
  }
}
