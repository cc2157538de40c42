import { InstanceRef } from '../instance';

/** The slice of `vscode.SecretStorage` the store uses. */
export interface SecretsLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

type Listener = (instance: InstanceRef) => void;

/**
 * Tokens live only in SecretStorage, one per host + instance key, under
 * `megaapi.token/<baseUrl>/<key>` (stable: changing it would lose users'
 * tokens). When the OS keyring is missing (Linux without one) SecretStorage
 * throws; the token is then kept in memory for this session only, and the
 * caller is told so it can explain.
 */
export class TokenStore {
  private readonly memory = new Map<string, string>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly secrets: SecretsLike) {}

  static id(baseUrl: string, key: string): string {
    return `megaapi.token/${baseUrl}/${key}`;
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  async get(baseUrl: string, key: string): Promise<string | undefined> {
    const id = TokenStore.id(baseUrl, key);
    if (this.memory.has(id)) return this.memory.get(id);
    try {
      return await this.secrets.get(id);
    } catch {
      return undefined;
    }
  }

  /** Returns false when the token could only be kept in memory. */
  async set(baseUrl: string, key: string, token: string): Promise<boolean> {
    const id = TokenStore.id(baseUrl, key);
    let persisted = true;
    try {
      await this.secrets.store(id, token);
      this.memory.delete(id);
    } catch {
      this.memory.set(id, token);
      persisted = false;
    }
    this.fire({ baseUrl, key });
    return persisted;
  }

  async delete(baseUrl: string, key: string): Promise<void> {
    const id = TokenStore.id(baseUrl, key);
    this.memory.delete(id);
    try {
      await this.secrets.delete(id);
    } catch {
      // Nothing could have been stored there either.
    }
    this.fire({ baseUrl, key });
  }

  dispose(): void {
    this.listeners.clear();
    this.memory.clear();
  }

  private fire(instance: InstanceRef): void {
    for (const listener of [...this.listeners]) listener(instance);
  }
}
