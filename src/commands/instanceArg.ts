import { parseBaseUrl } from '../core/baseUrl';
import { parseInstanceKey } from '../core/instanceKey';

export interface CarriedInstance {
  key?: string;
  baseUrl?: string;
}

/**
 * Commands take an instance key string (palette, keybindings, other
 * extensions) or an object carrying an instance (tree items, the panel).
 * Either way it is input, parsed again; what is missing is asked for later.
 */
export function instanceFromArg(arg: unknown, allowInsecureHttp: boolean): CarriedInstance | 'invalid' {
  if (arg === undefined || arg === null) return {};
  const carried = typeof arg === 'object' && 'instance' in arg ? (arg as { instance: unknown }).instance : arg;
  const fields = typeof carried === 'string' ? { key: carried } : (carried as { key?: unknown; baseUrl?: unknown });
  if (typeof fields !== 'object' || fields === null) return 'invalid';
  const result: CarriedInstance = {};
  if (fields.key !== undefined) {
    const key = parseInstanceKey(String(fields.key));
    if (!key.ok) return 'invalid';
    result.key = key.value;
  }
  if (fields.baseUrl !== undefined) {
    const baseUrl = parseBaseUrl(String(fields.baseUrl), { allowInsecureHttp });
    if (!baseUrl.ok) return 'invalid';
    result.baseUrl = baseUrl.value;
  }
  return result;
}
