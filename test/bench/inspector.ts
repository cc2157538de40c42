/**
 * A session with an extension host's inspector (opened with SIGUSR1), for the
 * bench's probes run with Node 24, which has a WebSocket client. Another
 * process's inspector may hold the port: only the given process will do.
 */
export interface InspectorSession {
  send(method: string, params?: object): Promise<unknown>;
  /** A `Runtime.evaluate` of the expression, its value returned by value. */
  evaluate(expression: string): Promise<unknown>;
  close(): void;
}

export async function inspect(port: number, pid: number): Promise<InspectorSession> {
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
  if ((await evaluate('process.pid')) !== pid) {
    ws.close();
    throw new Error(`the inspector on port ${port} is not process ${pid}`);
  }
  return { send, evaluate, close: () => ws.close() };
}
