import { InstanceRef } from '../core/instanceRef';
import { heldSecrets, SecretRegistry } from '../core/redact';

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
 *
 * Every token it reads, stores or sees change goes into the secret registry
 * (`core/redact.ts`), so server text echoing any of them is blanked wherever
 * it is shown. A change in the keyring (another window set or deleted the
 * token) wins over a token this window could only keep in memory, and is
 * announced to `onDidChangeElsewhere` listeners when the value differs.
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
  /** The last value announced (read, set, deleted) per id, so an echo of this window's own write is not news. */
  private readonly announced = new Map<string, string | undefined>();
  private readonly listeners = new Set<(instance: InstanceRef) => void>();
  private readonly subscription?: { dispose(): void };

  constructor(
    private readonly secrets: SecretsLike,
    private readonly registry: SecretRegistry = heldSecrets,
  ) {
    this.subscription = secrets.onDidChange?.((change) => this.changedInKeyring(change.key));
  }

  /** Another window (or the keyring itself) changed the token of this instance. */
  onDidChangeElsewhere(listener: (instance: InstanceRef) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The instance a secret id names, or undefined for ids that are not tokens of this extension. */
  static instanceOf(id: string): InstanceRef | undefined {
    const prefix = 'megaapi.token/';
    if (!id.startsWith(prefix)) return undefined;
    const rest = id.slice(prefix.length);
    const slash = rest.lastIndexOf('/');
    if (slash <= 0 || slash === rest.length - 1) return undefined;
    return { baseUrl: rest.slice(0, slash), key: rest.slice(slash + 1) };
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
        this.registry.add(token);
        // A change while this read was on its way makes its answer stale.
        if (this.reading.get(id) === read) {
          this.known.set(id, token);
          if (!this.announced.has(id)) this.announced.set(id, token);
        }
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
    this.registry.add(token);
    this.forget(id);
    this.announced.set(id, token);
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
    this.announced.set(id, undefined);
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
    this.announced.clear();
    this.listeners.clear();
  }

  /**
   * The keyring's word wins: a token kept in memory after a keyring failure
   * is dropped, the new value is read (and so registered as a secret), and
   * listeners hear of it when it differs from what this window last knew.
   */
  private changedInKeyring(id: string): void {
    this.memory.delete(id);
    this.forget(id);
    const instance = TokenStore.instanceOf(id);
    if (!instance) return;
    const knew = this.announced.has(id);
    const before = this.announced.get(id);
    void this.get(instance).then((token) => {
      if (knew && before === token) return;
      this.announced.set(id, token);
      for (const listener of [...this.listeners]) listener(instance);
    });
  }

  private forget(id: string): void {
    this.known.delete(id);
    this.reading.delete(id);
  }
}
