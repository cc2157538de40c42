import { CONTROL_OR_SPACE, Parsed, fail, ok } from './parsed';

export type BaseUrlReason =
  'empty' | 'tooLong' | 'whitespace' | 'invalid' | 'scheme' | 'userInfo' | 'insecure' | 'queryOrFragment' | 'path';

export interface BaseUrlOptions {
  /** `megaapi.allowInsecureHttp`: plain http sends the token readable by anyone on the path. */
  allowInsecureHttp?: boolean;
}

const MAX_LENGTH = 2048;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Normalises what users paste as the MegaAPI host: `https://` is added when no
 * scheme is given and trailing slashes go, so `apinocode01.megaapi.com.br/`
 * and `https://apinocode01.megaapi.com.br` are the same host. A path prefix is
 * kept for white-label hosts that serve the API under a sub-path.
 */
export function parseBaseUrl(raw: string, options: BaseUrlOptions = {}): Parsed<string, BaseUrlReason> {
  const text = raw.trim();
  if (text === '') return fail('empty');
  if (text.length > MAX_LENGTH) return fail('tooLong');
  if (CONTROL_OR_SPACE.test(text)) return fail('whitespace');

  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail('invalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('scheme');
  if (url.hostname === '') return fail('invalid');
  // Credentials in the URL would end up in logs and settings sync.
  if (url.username !== '' || url.password !== '') return fail('userInfo');
  if (url.search !== '' || url.hash !== '' || withScheme.includes('?') || withScheme.includes('#')) {
    return fail('queryOrFragment');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !options.allowInsecureHttp) {
    return fail('insecure');
  }
  // What the user typed after the scheme must already be plain: URL parsing would
  // silently resolve `%2e%2e`, `..`, `\` or `//` into a different path.
  const typed = withScheme.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
  if (/%|\\|\/\/|\/\.\.?(\/|$)/.test(typed)) return fail('path');
  const path = url.pathname.replace(/\/+$/, '');
  // A white-label prefix is plain segments; `//`, encoded characters or dot
  // segments would make the client's URL land somewhere the user did not type.
  if (path !== '' && !/^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/.test(path)) return fail('path');
  return ok(`${url.origin}${path}`);
}

/** The host part shown to users in messages ("cannot reach api2.megaapi.com.br"). */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * A host is known when an instance is saved on it or it is the configured
 * one; any other host gets the user's explicit yes before a token is typed for it.
 */
export function isKnownHost(baseUrl: string, savedBaseUrls: readonly string[], configured: string): boolean {
  if (savedBaseUrls.includes(baseUrl)) return true;
  const setting = parseBaseUrl(configured, { allowInsecureHttp: true });
  return setting.ok && setting.value === baseUrl;
}
