import type { RequestBody } from './body';
import { groupsRoutes } from './groups';
import { messagesRoutes } from './messagesRoutes';
import { makePairingCode, isValidPhoneNumber } from './qr';
import type { FeatureMatch, FeatureRoutes } from './restFeature';
import { Reply, json } from './send';
import type { InstanceState, MockState } from './state';
import { webhookRoutes } from './webhookRoutes';

export type RestRoute = 'qrcode' | 'status' | 'pairingCode' | 'logout' | 'restart';

/** The linking routes are answered here; every other feature brings its own answer. */
export type RestMatch = { route: RestRoute; key: string } | FeatureMatch;

/** Tried before the linking routes; no two share a pattern, so the order is not a priority. */
const FEATURES: FeatureRoutes[] = [messagesRoutes, webhookRoutes, groupsRoutes];

export const NOT_FOUND = (): Reply => json(404, { error: true, message: 'Not found' });
const ALREADY_LOGGED_IN = (): Reply => json(200, { error: true, message: 'User is already logged in' });

/** Splits and URL-decodes the path; one trailing slash is tolerated, as Express-based servers do. */
export function pathSegments(pathname: string): string[] | undefined {
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  try {
    return trimmed.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

export function matchRest(method: string, pathname: string): RestMatch | undefined {
  const parts = pathSegments(pathname);
  if (!parts || parts[0] !== 'rest' || parts.some((p) => p === '')) return undefined;
  for (const feature of FEATURES) {
    const found = feature(method, parts.slice(1));
    if (found) return found;
  }
  if (parts[1] !== 'instance') return undefined;
  const [, , a, b] = parts;
  if (method === 'GET' && parts.length === 3) return { route: 'status', key: a };
  if (method === 'GET' && parts.length === 4 && a === 'qrcode_base64') return { route: 'qrcode', key: b };
  if (method === 'GET' && parts.length === 4 && a === 'pairingCode') return { route: 'pairingCode', key: b };
  if (method === 'DELETE' && parts.length === 4 && (b === 'logout' || b === 'restart')) return { route: b, key: a };
  return undefined;
}

/** The scheme is case-insensitive per RFC 7235; the token is compared exactly and never trimmed or reformatted. */
export function isAuthorized(instance: InstanceState | undefined, authorization: string | undefined): boolean {
  if (!instance || authorization === undefined) return false;
  const match = /^Bearer (.*)$/i.exec(authorization);
  return match !== null && match[1] === instance.token;
}

/** The key is looked up before the token, so an unknown key is a 404 whatever the token. */
export async function answerRest(
  state: MockState,
  match: RestMatch | undefined,
  authorization: string | undefined,
  query: URLSearchParams,
  body: RequestBody,
): Promise<Reply> {
  if (!match) return NOT_FOUND();
  const instance = state.find(match.key);
  if (!instance) return json(404, { error: true, message: 'Instance not found' });
  if (!isAuthorized(instance, authorization)) return json(401, { error: true, message: 'Unauthorized' });
  if ('answer' in match) return match.answer(instance, query, body);

  switch (match.route) {
    case 'qrcode': {
      const qr = await instance.issueQr();
      if (!qr) return ALREADY_LOGGED_IN();
      return json(200, { error: false, message: 'QR code generated', qrcode: qr.dataUrl });
    }
    case 'status': {
      const status = instance.connected ? 'connected' : 'disconnected';
      const user = instance.connected ? { user: instance.user } : {};
      return json(200, {
        error: false,
        message: 'Instance data fetched',
        instance: { key: instance.key, status, ...user },
      });
    }
    case 'pairingCode': {
      const phone = query.get('phoneNumber');
      if (!isValidPhoneNumber(phone)) return json(400, { error: true, message: 'Invalid phone number' });
      if (instance.connected) return ALREADY_LOGGED_IN();
      instance.lastPairingCode = makePairingCode();
      return json(200, { error: false, pairingCode: instance.lastPairingCode });
    }
    case 'logout':
      if (instance.connected) instance.deliveries.connection('close', 'logout');
      instance.disconnect();
      return json(200, { error: false, message: 'logout successfully' });
    case 'restart':
      // A real restart reconnects with the stored session; only an unlinked instance starts linking afresh.
      if (!instance.connected) instance.startLinkingAttempt();
      return json(200, { error: false, message: 'Instance restarted' });
  }
}
