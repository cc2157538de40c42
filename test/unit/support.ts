import { InstanceClient } from '../../src/api/client';
import { JsonReply } from '../../src/api/http';
import { nodeFetch } from '../../src/api/nodeFetch';
import { Clock } from '../../src/core/clock';
import { SecretsLike } from '../../src/instances/tokenStore';
import { Translate } from '../../src/text/translate';

/** English pass-through for `vscode.l10n.t`: fills {0}, {1} ... like VS Code does. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

/** A clock tests step by hand; timers fire in time order, and only when `advance` passes them. */
export class FakeClock implements Clock {
  private time = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Moves time forward, running due timers (and the promise jobs they start) in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flush();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
    await flush();
  }
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A 1x1 PNG, complete with its IEND chunk. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A client for `baseUrl` with a fixed token, callable by key like the calls
 * the extension makes: each call binds an `InstanceClient` to that key.
 */
export function connect(baseUrl: string, token: string, timeoutMs: number) {
  const bound = (key: string) =>
    new InstanceClient({
      instance: { baseUrl, key },
      token: () => token,
      policy: () => ({ allowInsecureHttp: false, timeoutMs }),
      fetch: nodeFetch,
    });
  return {
    getQr: (key: string, signal?: AbortSignal) => bound(key).getQr(signal),
    getStatus: (key: string, signal?: AbortSignal) => bound(key).getStatus(signal),
    getPairingCode: (key: string, phone: string, signal?: AbortSignal) => bound(key).getPairingCode(phone, signal),
    logout: (key: string, signal?: AbortSignal) => bound(key).logout(signal),
    restart: (key: string, signal?: AbortSignal) => bound(key).restart(signal),
  };
}

/** globalState as a plain map, with the sync keys it was asked to sync. */
export class MapMemento {
  readonly values = new Map<string, unknown>();
  synced: readonly string[] = [];
  get<T>(key: string, defaultValue: T): T {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
  setKeysForSync(keys: readonly string[]): void {
    this.synced = keys;
  }
}

/** SecretStorage as a plain map; `broken` plays a machine without a keyring. */
export class MapSecrets implements SecretsLike {
  readonly values = new Map<string, string>();
  broken = false;
  async get(key: string) {
    if (this.broken) throw new Error('Cannot find a keyring');
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    if (this.broken) throw new Error('Cannot find a keyring');
    this.values.set(key, value);
  }
  async delete(key: string) {
    if (this.broken) throw new Error('Cannot find a keyring');
    this.values.delete(key);
  }
}

/** A reply as the HTTP layer hands it to a parser: the body parsed when it is a JSON object. */
export function jsonReply(body: unknown, status = 200): JsonReply {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let parsed: Record<string, unknown> | undefined;
  try {
    const value: unknown = JSON.parse(text);
    parsed = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as never) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status, body: parsed, text, retryAfter: null, receivedAt: 0 };
}
