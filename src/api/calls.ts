import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { logLine } from '../core/serverText';
import { ApiError, summarise } from './errors';
import { InstanceClient } from './client';
import { RequestPolicy } from './gate';
import { FetchLike } from './http';

export interface CallsDeps {
  tokenOf(instance: InstanceRef): Promise<string | undefined>;
  policy(): RequestPolicy;
  fetch: FetchLike;
  log: { warn(line: string): void };
}

/**
 * Hands out clients already bound to one instance, with its stored token and
 * the current settings; failures are logged here, one line each.
 */
export class Calls {
  constructor(private readonly deps: CallsDeps) {}

  for(instance: InstanceRef): InstanceClient {
    return this.client(instance, () => this.deps.tokenOf(instance));
  }

  /** The same calls with a token that is not stored (yet): checking one before saving it. */
  withToken(instance: InstanceRef, token: string): InstanceClient {
    return this.client(instance, () => token);
  }

  private client(instance: InstanceRef, token: () => Promise<string | undefined> | string): InstanceClient {
    const { fetch, log } = this.deps;
    const policy = () => this.deps.policy();
    const onFailure = (what: string, error: ApiError) =>
      log.warn(logLine(`${what} ${instance.key} @ ${hostOf(instance.baseUrl)}: ${summarise(error)}`));
    return new InstanceClient({ instance, token, policy, fetch, onFailure });
  }
}
