import { redactSecrets } from '../core/redact';
import { Endpoint, InstanceClient } from './client';
import { ApiResult } from './errors';

/** What the server answered, as received, for "Show Reply". Never what was sent to it, so never the token. */
export interface RawReply {
  /** The endpoint, as the log names it: "Send message", "Webhook" ... */
  what: string;
  status: number;
  text: string;
  receivedAt: number;
}

export interface Answered<T> {
  result: ApiResult<T>;
  /** Absent when no HTTP answer arrived (refused by the gate, timeout, offline). */
  reply?: RawReply;
}

/**
 * Calls the endpoint and keeps the raw reply beside the typed result: the
 * shapes of these endpoints are not certain, so the user can always see what
 * MegaAPI said, even when the parser refused it.
 */
export async function callKeepingReply<T>(
  client: InstanceClient,
  endpoint: Endpoint<T>,
  signal?: AbortSignal,
): Promise<Answered<T>> {
  let reply: RawReply | undefined;
  const result = await client.call(
    {
      ...endpoint,
      parse: (raw) => {
        reply = { what: endpoint.what, status: raw.status, text: raw.text, receivedAt: raw.receivedAt };
        return endpoint.parse(raw);
      },
    },
    signal,
  );
  return { result, reply };
}

/**
 * The reply as the editor shows it: JSON pretty-printed when it is JSON, as
 * received otherwise. A server that echoes the token (some do, in instance
 * data) must not put it on screen: every token this machine holds, and
 * `secrets`, are blanked in every form (`redactSecrets`, the helper
 * `serverText` uses), both in the text as received and as pretty-printed.
 */
export function replyForDisplay(text: string, secrets: readonly string[]): { text: string; json: boolean } {
  let shown = text;
  let json = false;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
    json = true;
  } catch {
    // Not JSON (an HTML error page, an empty body): shown as it came.
  }
  return { text: redactSecrets(shown, secrets), json };
}
