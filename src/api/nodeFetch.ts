import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type * as Engine from './fetchEngine';
import { FetchLike } from './http';

/**
 * The one place that binds the client to node-fetch; everything else takes a
 * `FetchLike`. The agents are the extension's own, so deactivating closes every
 * socket they opened, and they keep connections alive between the panel's calls
 * (a QR every 20 s, a status every 4 s). With VS Code's default
 * `http.proxySupport`, VS Code swaps in its proxy agent, which closes each
 * connection after its answer: nothing stays open either way.
 */
export function createNodeFetch(): { fetch: FetchLike; dispose(): void } {
  const http = new HttpAgent({ keepAlive: true, maxSockets: 8, timeout: 60_000 });
  const https = new HttpsAgent({ keepAlive: true, maxSockets: 8, timeout: 60_000 });
  const agent = (url: URL) => (url.protocol === 'http:' ? http : https);
  const bound: FetchLike = (url, init) => nodeFetch(url, { ...init, agent });
  return {
    fetch: bound,
    dispose: () => {
      http.destroy();
      https.destroy();
    },
  };
}

/**
 * Without agents of its own: for tests and one-off calls. node-fetch is
 * required at the first call, not at activation; Node caches it after that.
 */
export const nodeFetch: FetchLike = (url, init) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fetch } = require('./fetchEngine') as typeof Engine;
  return (fetch as unknown as FetchLike)(url, init);
};
