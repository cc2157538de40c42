/**
 * Run with Node 24 (it has a WebSocket client): `node heapProbe.js <port> <pid>`.
 * Connects to an extension host whose inspector was opened with SIGUSR1,
 * forces two full garbage collections and prints its memory use as JSON, so
 * the bench can tell memory that is kept from memory V8 has not given back.
 */
async function main(): Promise<void> {
  const [port, pid] = process.argv.slice(2).map(Number);
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.onmessage = (event) => {
    const data = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (data.id !== undefined) waiting.get(data.id)?.(data.result);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  const evaluate = async (expression: string) =>
    ((await send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: unknown } }).result
      .value;
  // Another process's inspector may hold the port: only ours will do.
  if ((await evaluate('process.pid')) !== pid) throw new Error(`the inspector on port ${port} is not process ${pid}`);
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  console.log(await evaluate('JSON.stringify(process.memoryUsage())'));
  ws.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(String(error));
    process.exit(1);
  },
);
