import { USAGE, parseCliArgs } from './cliArgs';
import { startMockServer } from './server';

/**
 * Stdout carries exactly one line, `MOCK_LISTENING <url>`, for harness
 * scripts to parse; the human help goes to stderr so it never gets in the way.
 */
async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`${parsed.error}\n${USAGE}`);
    process.exit(2);
  }
  const { options } = parsed;
  if (options.help) {
    console.error(USAGE);
    return;
  }

  const server = await startMockServer({
    port: options.port,
    instances: options.instances,
    qrRotateMs: options.qrRotateMs,
    delayMs: options.delayMs,
  });
  process.stdout.write(`MOCK_LISTENING ${server.url}\n`);
  console.error(
    [
      `Mock MegaAPI on ${server.url} (127.0.0.1 only), QR rotates every ${options.qrRotateMs / 1000} s` +
        (options.delayMs > 0 ? `, answers after ${options.delayMs} ms` : ''),
      ...options.instances.map((i) => `  instance ${i.key}  token ${i.token}`),
      'Control (no auth):',
      '  GET  /__mock/state                     POST /__mock/reset',
      '  POST /__mock/instances/KEY/connect     POST /__mock/instances/KEY/disconnect',
      '  POST /__mock/instances/KEY/rotate      POST /__mock/instances {"key","token"}',
      '  POST /__mock/faults {...}              DELETE /__mock/faults',
      '  GET  /__mock/requests                  DELETE /__mock/requests',
      '  GET  /__mock/concurrency               DELETE /__mock/concurrency (peak starts again)',
      '  GET  /__mock/instances/KEY/messages    POST /__mock/instances/KEY/numbers {"number"}',
      '  GET  /__mock/instances/KEY/webhook     POST /__mock/instances/KEY/webhook {fields; null removes}',
      `e.g. curl -X POST ${server.url}/__mock/instances/${options.instances[0].key}/connect`,
      'Ctrl+C stops.',
    ].join('\n'),
  );

  const stop = (signal: NodeJS.Signals) => {
    console.error(`mock MegaAPI: ${signal}, closing`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('mock MegaAPI failed to start:', err);
  process.exit(1);
});
