import { ApiResult } from '../../../src/api/errors';
import { Endpoint } from '../../../src/api/client';
import { InstanceRef } from '../../../src/core/instanceRef';
import { EventFeed } from '../../../src/instances/eventFeed';
import { SendLimit } from '../../../src/tools/sendLimit';
import { Question, ToolDeps } from '../../../src/tools/toolKit';
import { english, jsonReply } from '../support';

export const A = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-a' };

export interface FakeToolWorld {
  deps: ToolDeps;
  asked: Question[];
  /** Endpoints called, by `what`, with their path. */
  called: Array<{ what: string; path: string[]; body?: unknown }>;
}

/**
 * The tools' dependencies without VS Code: one saved instance (A), checks that
 * answer at once, calls answered by `reply` (JSON through the endpoint's own
 * parser), a real feed and a person who answers `allow`.
 */
export function toolWorld(
  options: {
    saved?: InstanceRef[];
    reply?: (endpoint: Endpoint<unknown>) => unknown;
    allow?: boolean;
    now?: () => number;
  } = {},
): FakeToolWorld {
  const asked: Question[] = [];
  const called: FakeToolWorld['called'] = [];
  const saved = options.saved ?? [A];
  const client = {
    call: <T>(endpoint: Endpoint<T>): Promise<ApiResult<T>> => {
      called.push({ what: endpoint.what, path: endpoint.path, body: endpoint.body });
      const body = options.reply?.(endpoint as Endpoint<unknown>) ?? {};
      return Promise.resolve(endpoint.parse(jsonReply(body)));
    },
  };
  const deps = {
    instances: { all: () => saved, status: () => undefined, remoteChanged: () => undefined },
    checks: { all: () => Promise.resolve(), one: () => Promise.resolve({ ok: false, error: { kind: 'noToken' } }) },
    calls: { for: () => client },
    feed: new EventFeed(),
    log: { error: () => undefined, warn: () => undefined, info: () => undefined },
    panels: { show: () => undefined, requestPairingCode: () => undefined },
    t: english,
    ask: (question: Question) => {
      asked.push(question);
      return Promise.resolve(options.allow ?? true);
    },
    sendLimit: new SendLimit(options.now),
  } as unknown as ToolDeps;
  return { deps, asked, called };
}

/** Enough to build every spec (descriptions and schemas). */
export function toolDeps(): ToolDeps {
  return toolWorld().deps;
}

export function caller(client = 'the MCP client "Probe"') {
  return { client, signal: new AbortController().signal };
}
