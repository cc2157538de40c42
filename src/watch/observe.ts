import { ApiResult } from '../api/errors';
import { InstanceStatus } from '../api/replies';
import { Observation } from './scheduler';

/** A status check's result as the watch reads it. */
export function observation(result: ApiResult<InstanceStatus>): Observation {
  if (result.ok) {
    return result.value.connected ? { kind: 'connected' } : { kind: 'notLinked', state: result.value.status };
  }
  const error = result.error;
  switch (error.kind) {
    case 'unauthorized':
      return { kind: 'tokenRejected' };
    case 'notFound':
      return { kind: 'notFound' };
    case 'rateLimited':
      return { kind: 'failed', rateLimited: true, retryAfterMs: error.retryAfterMs };
    // Refused before any request (no token, a host or key the gate refuses) or a fault here: nothing was learnt.
    case 'noToken':
    case 'invalidKey':
    case 'insecureHost':
    case 'invalidHost':
    case 'cancelled':
    case 'internal':
      return { kind: 'skipped' };
    default:
      return { kind: 'failed' };
  }
}
