import { createServer } from 'node:net';

/**
 * A port nothing listens on right now: free for a server to take, or closed
 * for a client test that needs a refused connection.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
