import { mkdirSync } from 'node:fs';
import { CodeServer } from './codeServer';
import { e2eEnv, vsixPath } from './env';
import { MockProcess } from './mockProcess';
import { freePort, stopAll } from './processes';

/**
 * `npm run demo`: the mock MegaAPI with a demo instance and code-server with
 * the packaged extension pointed at it, until Ctrl+C.
 */
const KEY = 'megastart-demo1234';
const TOKEN = 'demo-token';

async function main(): Promise<void> {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : await freePort();
  const env = e2eEnv();
  const logs = `${env.root}/test-results`;
  mkdirSync(logs, { recursive: true });
  const mock = await MockProcess.start(env.root, logs, [`${KEY}:${TOKEN}`]);
  const eventsPort = await freePort();
  const codeServer = await CodeServer.start(env, vsixPath(env.root), logs, {
    port,
    settings: {
      'megaapi.baseUrl': mock.url,
      'workbench.colorTheme': 'Default Dark Modern',
      // The mock is on this machine, so a webhook on this machine is local development, and no tunnel is needed.
      'megaapi.allowInsecureHttp': true,
      'megaapi.events.port': eventsPort,
    },
  });
  console.log(`
  MegaAPI for VS Code: demo
  ─────────────────────────
  Open            ${codeServer.workbenchUrl()}
  Then            Ctrl+Shift+P → "MegaAPI: Show QR"
  Instance key    ${KEY}
  Token           ${TOKEN}
  Mock MegaAPI    ${mock.url} (QR changes every 20 s)

  Play the phone scanning the code:
    curl -X POST ${mock.url}/__mock/instances/${KEY}/connect
  and unlinking it again:
    curl -X POST ${mock.url}/__mock/instances/${KEY}/disconnect

  Once linked, try Send Test Message, Is This Number on WhatsApp? (5511999999999
  is on it) and the instance's Webhook in the sidebar; see what the mock got:
    curl ${mock.url}/__mock/instances/${KEY}/messages
    curl ${mock.url}/__mock/instances/${KEY}/webhook

  Webhook events: "MegaAPI: Listen for Webhook Events", and as the public URL
  give the receiver itself, http://127.0.0.1:${eventsPort} (the mock is on this
  machine: no tunnel needed). Then send a test message (echo and acks arrive),
  or make a customer write to you (text, image, video, audio, document,
  sticker, location, contact, unknown):
    curl -X POST ${mock.url}/__mock/instances/${KEY}/events -d '{"kind":"image"}'
  and see what the mock delivered:
    curl ${mock.url}/__mock/instances/${KEY}/deliveries

  Logs: ${logs}. Ctrl+C stops everything.
`);
  const stop = async () => {
    console.log('\nStopping…');
    await stopAll();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
