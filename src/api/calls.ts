import * as vscode from 'vscode';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../instance';
import { readSettings } from '../settings';
import { TokenStore } from '../storage/tokenStore';
import { MegaApiClient } from './client';
import { connect } from './connect';
import { ApiError, ApiResult, failure } from './errors';

/**
 * Calls MegaAPI for one instance with its stored token and the current
 * timeout, and logs failures. The token is read per call, so a token set a
 * moment ago is used at once.
 */
export class InstanceApi {
  constructor(
    private readonly tokens: TokenStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly makeClient: (baseUrl: string, token: string, timeoutMs: number) => MegaApiClient = connect,
  ) {}

  async call<T>(instance: InstanceRef, what: string, run: (client: MegaApiClient) => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    const token = await this.tokens.get(instance.baseUrl, instance.key);
    if (!token) return failure({ kind: 'noToken' });
    return this.withToken(instance, token, what, run);
  }

  /** The same call with a token that is not stored (yet): checking one before saving it. */
  async withToken<T>(instance: InstanceRef, token: string, what: string, run: (client: MegaApiClient) => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    const result = await run(this.makeClient(instance.baseUrl, token, readSettings().timeoutMs));
    if (!result.ok && result.error.kind !== 'cancelled') {
      this.log.warn(`${what} ${instance.key} @ ${hostOf(instance.baseUrl)}: ${summarise(result.error)}`);
    }
    return result;
  }
}

export function summarise(error: ApiError): string {
  const { kind, ...details } = error;
  const extra = Object.entries(details)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
  return extra ? `${kind} (${extra})` : kind;
}
