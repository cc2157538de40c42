import { reachOf } from '../core/reach';
import { CONTROL_OR_SPACE, Parsed, fail, ok } from '../core/parsed';

export type WebhookUrlReason =
  | 'empty'
  | 'tooLong'
  | 'whitespace'
  | 'invalid'
  | 'scheme'
  | 'userInfo'
  | 'fragment'
  | 'thisMachine'
  | 'privateNetwork'
  | 'localName'
  | 'special'
  | 'insecure';

export interface WebhookUrlOptions {
  /** `megaapi.allowInsecureHttp`. */
  allowInsecureHttp: boolean;
  /** The instance's MegaAPI host (its base URL): who will call the webhook. */
  megaApiBaseUrl: string;
}

const MAX_LENGTH = 2048;

/** Who can reach an address: the rule lives in `core/reach.ts`, re-exported here for the webhook's callers. */
export { reachOf };

/**
 * The rule for a webhook URL, decided from who calls it: MegaAPI's server.
 * - https:// to a public address: accepted.
 * - This machine (`localhost`, 127.x, ::1): refused with that reason, because
 *   MegaAPI's servers cannot reach it; for them it is themselves. The one
 *   exception is local development: with `megaapi.allowInsecureHttp` on (the
 *   user's explicit opt-in to local, unencrypted setups) and the instance's
 *   own host on this machine too (a self-hosted MegaAPI or a test double),
 *   the caller is here as well, so a loopback webhook is accepted, over
 *   http:// or https://. With the setting on but MegaAPI elsewhere it is still
 *   refused: no setting makes a remote server reach this machine.
 * - A private network (10.x, 192.168.x, 100.64/10, fc00::/7, ... and IPv4
 *   forms inside IPv6) or a name only a local network resolves (one label,
 *   `.local`, `.internal`): refused when MegaAPI is public.
 * - Multicast, reserved, benchmarking and documentation addresses: refused,
 *   no server delivers there.
 * - http:// anywhere else: refused. The webhook receives the customers'
 *   messages; unencrypted they would be readable on every network they cross.
 * - No user name or password (the URL is shown and logged, masked only in its
 *   query) and no `#fragment` (never sent to a server, so it is a mistake).
 */
export function parseWebhookUrl(raw: string, options: WebhookUrlOptions): Parsed<string, WebhookUrlReason> {
  const text = raw.trim();
  if (text === '') return fail('empty');
  if (text.length > MAX_LENGTH) return fail('tooLong');
  if (CONTROL_OR_SPACE.test(text)) return fail('whitespace');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return fail('scheme');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('invalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('scheme');
  if (url.hostname === '') return fail('invalid');
  if (url.username !== '' || url.password !== '') return fail('userInfo');
  if (url.hash !== '' || text.includes('#')) return fail('fragment');
  const hook = reachOf(url.hostname);
  const caller = reachOf(hostnameOf(options.megaApiBaseUrl));
  const localDevelopment = options.allowInsecureHttp && caller === 'thisMachine';
  if (hook === 'thisMachine') return localDevelopment ? ok(url.toString()) : fail('thisMachine');
  if (hook === 'special') return fail('special');
  if ((hook === 'privateNetwork' || hook === 'localName') && caller === 'public') return fail(hook);
  if (url.protocol === 'http:') return fail('insecure');
  return ok(url.toString());
}

function hostnameOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname;
  } catch {
    return '';
  }
}

/** A first path segment shown as is: a short word (`webhook`, `hooks`, `e2e`), never an id or a token. */
const PLAIN_SEGMENT = /^[A-Za-z][A-Za-z0-9_-]{0,23}$/;
const MOST_DIGITS = 3;

/**
 * The URL as shown anywhere but the input box: the host and, when it is a
 * plain word, the first path segment, then `/…`; the query, fragment and
 * credentials as `?…`, `#…`, `…@`. MegaAPI sends no auth header, so
 * receivers authenticate by a secret in the URL: in the query, or in the
 * path (n8n `/webhook/<uuid>`, Make `/<token>`, Zapier
 * `/hooks/catch/<ids>`, Telegram `/bot<token>/…`), and none of it may reach
 * tooltips, notifications or the log. Works on anything the server sends,
 * URL or not.
 */
export function maskWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    const cut = raw.search(/(?<=[^/])\/(?!\/)|[?#]/);
    if (cut < 0) return raw;
    return raw[cut] === '/' ? `${raw.slice(0, cut)}/…` : `${raw.slice(0, cut)}${raw[cut]}…`;
  }
  const credentials = url.username !== '' || url.password !== '' ? '…@' : '';
  const query = url.search !== '' || raw.includes('?') ? '?…' : '';
  const fragment = url.hash !== '' ? '#…' : '';
  return `${url.protocol}//${credentials}${url.host}${maskedPath(url.pathname)}${query}${fragment}`;
}

function maskedPath(pathname: string): string {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return pathname === '/' ? '/' : '';
  const first = segments[0];
  if (!PLAIN_SEGMENT.test(first) || first.replace(/\D/g, '').length > MOST_DIGITS) return '/…';
  const trailing = pathname.endsWith('/') ? '/' : '';
  return segments.length === 1 ? `/${first}${trailing}` : `/${first}/…`;
}

/** For the sidebar's one line: masked, without the scheme, cut to `max` characters. */
export function shortWebhookUrl(raw: string, max = 48): string {
  const masked = maskWebhookUrl(raw).replace(/^https?:\/\//i, '');
  return masked.length <= max ? masked : `${masked.slice(0, Math.max(1, max - 1))}…`;
}
