import { inspect } from './inspector';

/**
 * Run with Node 24 (it has a WebSocket client): `node heapProbe.js <port> <pid>`.
 * Connects to an extension host whose inspector was opened with SIGUSR1,
 * forces two full garbage collections and prints its memory use as JSON, so
 * the bench can tell memory that is kept from memory V8 has not given back.
 */
async function main(): Promise<void> {
  const [port, pid] = process.argv.slice(2).map(Number);
  const host = await inspect(port, pid);
  await host.send('HeapProfiler.collectGarbage');
  await host.send('HeapProfiler.collectGarbage');
  console.log(await host.evaluate('JSON.stringify(process.memoryUsage())'));
  host.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(String(error));
    process.exit(1);
  },
);
