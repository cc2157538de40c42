import { Server, createServer, request } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A stand-in for ngrok: another loopback port that pipes every request to the
 * events receiver, so Listen's tunnel check and its tap go through a "public"
 * URL without the internet (events.e2e.ts, the bench's listening workbench).
 */
export async function startTunnel(targetPort: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const out = request(
      { host: '127.0.0.1', port: targetPort, path: req.url, method: req.method, headers: req.headers, agent: false },
      (back) => {
        res.writeHead(back.statusCode ?? 502, back.headers);
        back.pipe(res);
      },
    );
    out.on('error', () => res.writeHead(502).end('tunnel: receiver down'));
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
