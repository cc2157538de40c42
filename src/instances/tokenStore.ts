import { InstanceRef } from '../core/instanceRef';

/** The slice of `vscode.SecretStorage` the store uses. */
export interface SecretsLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
  /** Another window (or this one) changed a secret. */
  onDidChange?(listener: (change: { key: string }) => unknown): { dispose(): void };
}

/**
 * Tokens live only in SecretStorage, one per host + instance key, under
 * `megaapi.token/<baseUrl>/<key>` (stable: changing it would lose users'
 * tokens). When the OS keyring is missing (Linux without one) SecretStorage
 * throws; the token is then kept in memory for this session only, and the
 * caller is told so it can explain.
 */
export class TokenStore {
  private readonly memory = new Map<string, string>();
  /**
   * What the keyring held at the last read, so a call does not wait for it:
   * in a browser workbench every read is a round trip to the page, paid
   * before each request. A change from another window clears the entry.
   */
  private readonly known = new Map<string, string | undefined>();
  /** Reads on their way, so that callers asking at once share one. */
  private readonly reading = new Map<string, Promise<string | undefined>>();
  private readonly subscription?: { dispose(): void };

  constructor(private readonly secrets: SecretsLike) {
    this.subscription = secrets.onDidChange?.((change) => this.forget(change.key));
  }

  static id(instance: InstanceRef): string {
    return `megaapi.token/${instance.baseUrl}/${instance.key}`;
  }

  async get(instance: InstanceRef): Promise<string | undefined> {
    const id = TokenStore.id(instance);
    if (this.memory.has(id)) return this.memory.get(id);
    if (this.known.has(id)) return this.known.get(id);
    const pending = this.reading.get(id);
    if (pending) return pending;
    let asked: Thenable<string | undefined>;
    try {
      asked = this.secrets.get(id);
    } catch {
      return undefined;
    }
    const read = Promise.resolve(asked).then(
      (token) => {
        // A change while this read was on its way makes its answer stale.
        if (this.reading.get(id) === read) this.known.set(id, token);
        return token;
      },
      () => undefined,
    );
    this.reading.set(id, read);
    void read.finally(() => {
      if (this.reading.get(id) === read) this.reading.delete(id);
    });
    return read;
  }

  /** False when the token could only be kept in memory. */
  async set(instance: InstanceRef, token: string): Promise<boolean> {
    const id = TokenStore.id(instance);
    this.forget(id);
    try {
      await this.secrets.store(id, token);
      this.memory.delete(id);
      this.known.set(id, token);
      return true;
    } catch {
      this.memory.set(id, token);
      return false;
    }
  }

  /**
   * False when the keyring refused to delete: the token may still be stored
   * there, and the user must be told rather than reassured.
   */
  async delete(instance: InstanceRef): Promise<boolean> {
    const id = TokenStore.id(instance);
    this.memory.delete(id);
    this.forget(id);
    try {
      await this.secrets.delete(id);
      this.known.set(id, undefined);
      return true;
    } catch {
      return false;
    }
  }

  dispose(): void {
    this.subscription?.dispose();
    this.memory.clear();
    this.known.clear();
    this.reading.clear();
  }

  private forget(id: string): void {
    this.known.delete(id);
    this.reading.delete(id);
  }
}
