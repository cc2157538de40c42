import { InstanceRef } from '../core/instanceRef';

/** The slice of `vscode.SecretStorage` the store uses. */
export interface SecretsLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
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

  constructor(private readonly secrets: SecretsLike) {}

  static id(instance: InstanceRef): string {
    return `megaapi.token/${instance.baseUrl}/${instance.key}`;
  }

  async get(instance: InstanceRef): Promise<string | undefined> {
    const id = TokenStore.id(instance);
    if (this.memory.has(id)) return this.memory.get(id);
    try {
      return await this.secrets.get(id);
    } catch {
      return undefined;
    }
  }

  /** False when the token could only be kept in memory. */
  async set(instance: InstanceRef, token: string): Promise<boolean> {
    const id = TokenStore.id(instance);
    try {
      await this.secrets.store(id, token);
      this.memory.delete(id);
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
    try {
      await this.secrets.delete(id);
      return true;
    } catch {
      return false;
    }
  }

  forgetMemory(): void {
    this.memory.clear();
  }
}
