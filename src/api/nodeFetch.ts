import fetch from 'node-fetch';
import { MegaApiClient } from './client';
import { FetchLike } from './http';

/** The one place that binds the client to node-fetch; everything else takes a client. */
export function connect(baseUrl: string, token: string, timeoutMs: number): MegaApiClient {
  return new MegaApiClient({ baseUrl, token, timeoutMs, fetch: fetch as unknown as FetchLike });
}
