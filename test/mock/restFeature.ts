import type { RequestBody } from './body';
import type { Reply } from './send';
import type { InstanceState } from './state';

/** Marks where the instance key sits among a pattern's segments. */
export const KEY = Symbol('instance key');

/** Segments after `/rest`, with KEY where the instance key sits. */
export type RestPattern<R extends string> = [method: string, segments: (string | typeof KEY)[], route: R];

/** Auth has passed. A bad request is refused before the link is checked, so a client bug shows whatever the link state. */
export type FeatureAnswer<R extends string> = (
  instance: InstanceState,
  route: R,
  query: URLSearchParams,
  body: RequestBody,
) => Reply;

/** A feature's route found for a request, its answer bound, so routes.ts needs none of the feature's route names. */
export interface FeatureMatch {
  key: string;
  answer: (instance: InstanceState, query: URLSearchParams, body: RequestBody) => Reply;
}

/** What routes.ts tries in turn, one per feature. `parts` are the decoded path segments after `rest`. */
export type FeatureRoutes = (method: string, parts: string[]) => FeatureMatch | undefined;

export function featureRoutes<R extends string>(patterns: RestPattern<R>[], answer: FeatureAnswer<R>): FeatureRoutes {
  return (method, parts) => {
    for (const [want, segments, route] of patterns) {
      if (method !== want || parts.length !== segments.length) continue;
      if (segments.every((s, i) => s === KEY || s === parts[i])) {
        return {
          key: parts[segments.indexOf(KEY)],
          answer: (instance, query, body) => answer(instance, route, query, body),
        };
      }
    }
    return undefined;
  };
}
