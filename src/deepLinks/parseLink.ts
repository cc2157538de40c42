import { hostOf, isKnownHost } from '../core/baseUrl';
import { InstanceRef, InstanceRefProblem, parseInstanceRef } from '../core/instanceRef';
import { logLine } from '../core/serverText';
import { COMMANDS } from '../ui/commandIds';

/**
 * The paths a link may name, and the command each runs. Anything else is
 * refused: a link comes from any web page, so it may only do what the user
 * could start from the palette, and only these two.
 */
export const LINK_ACTIONS = { showQr: COMMANDS.showQr, pairingCode: COMMANDS.pairingCode } as const;
export type LinkAction = keyof typeof LINK_ACTIONS;

export interface InstanceLink {
  action: LinkAction;
  instance: InstanceRef;
  /** The link carried a `token`; its value was dropped here and is in no field. */
  tokenIgnored: boolean;
}

export type LinkProblem =
  | { kind: 'path' }
  | { kind: 'tooLong' }
  | { kind: 'unknownParameter' }
  | { kind: 'repeated'; name: 'host' | 'key' | 'token' }
  | { kind: 'missing'; name: 'host' | 'key' }
  | InstanceRefProblem;

export type LinkResult = { ok: true; link: InstanceLink } | { ok: false; problem: LinkProblem };

/** A real link is a few hundred characters; past this nothing is parsed. */
const MAX_QUERY_LENGTH = 4096;
const PARAMETERS = new Set(['host', 'key', 'token']);

/**
 * Reads `/{action}?host=…&key=…` as VS Code hands it to the URI handler
 * (`uri.path`, and `uri.query` already percent-decoded). Host and key go
 * through the input boxes' parsers; `allowInsecureHttp` is the setting at the
 * moment the link is opened. A `token` is never read, only noticed: secrets
 * in a URL end up in browser history, proxies and screenshots.
 */
export function parseInstanceLink(path: string, query: string, options: { allowInsecureHttp: boolean }): LinkResult {
  const action = path.startsWith('/') ? path.slice(1) : undefined;
  if (action === undefined || !Object.hasOwn(LINK_ACTIONS, action)) return refuse({ kind: 'path' });
  if (query.length > MAX_QUERY_LENGTH) return refuse({ kind: 'tooLong' });

  const params = new URLSearchParams(query);
  const seen = new Map<string, number>();
  for (const name of params.keys()) {
    if (!PARAMETERS.has(name)) return refuse({ kind: 'unknownParameter' });
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  for (const name of ['host', 'key', 'token'] as const) {
    // Two values would leave the choice to whoever reads first; neither is taken.
    if ((seen.get(name) ?? 0) > 1) return refuse({ kind: 'repeated', name });
  }

  const rawHost = params.get('host');
  const rawKey = params.get('key');
  if (rawHost === null) return refuse({ kind: 'missing', name: 'host' });
  if (rawKey === null) return refuse({ kind: 'missing', name: 'key' });
  const instance = parseInstanceRef(rawHost, rawKey, { allowInsecureHttp: options.allowInsecureHttp });
  if (!instance.ok) return refuse(instance.problem);
  return {
    ok: true,
    link: { action: action as LinkAction, instance: instance.value, tokenIgnored: seen.has('token') },
  };
}

/** The link that `parseInstanceLink` reads back to the same instance. */
export function instanceLink(
  scheme: string,
  extensionId: string,
  instance: InstanceRef,
  action: LinkAction = 'showQr',
) {
  const host = encodeURIComponent(instance.baseUrl);
  const key = encodeURIComponent(instance.key);
  return `${scheme}://${extensionId}/${action}?host=${host}&key=${key}`;
}

/**
 * What the log keeps of a link: the path and, once parsed, the host and key.
 * Never the query as it came: it may carry a token.
 */
export function linkLogLine(path: string, result: LinkResult): string {
  const where = logLine(path, 80);
  if (!result.ok) {
    const detail = 'reason' in result.problem ? `${result.problem.kind}.${result.problem.reason}` : result.problem.kind;
    const name = 'name' in result.problem ? ` (${result.problem.name})` : '';
    return `Deep link ${where} refused: ${detail}${name}`;
  }
  const { instance, tokenIgnored } = result.link;
  const dropped = tokenIgnored ? '; its token parameter was ignored' : '';
  return `Deep link ${where}: ${instance.key} @ ${hostOf(instance.baseUrl)}${dropped}`;
}

function refuse(problem: LinkProblem): LinkResult {
  return { ok: false, problem };
}

/** Moved to `core/baseUrl.ts`, shared with Set Host; re-exported for this feature's callers. */
export { isKnownHost };
