import * as vscode from 'vscode';

/**
 * Tokens live only in SecretStorage, one per host + instance key, under
 * `megaapi.token/<baseUrl>/<key>` (stable: changing it would lose users'
 * tokens). When the OS keyring is missing (Linux without one) SecretStorage
 * throws; the token is then kept in memory for this session only, and the
 * caller is told so it can explain.
 */
export class TokenStore implements vscode.Disposable {
  private readonly memory = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<{ baseUrl: string; key: string }>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  static id(baseUrl: string, key: string): string {
    return `megaapi.token/${baseUrl}/${key}`;
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
    this.changed.fire({ baseUrl, key });
    return persisted;
  }

  async delete(baseUrl: string, key: string): Promise<void> {
    const id = TokenStore.id(baseUrl, key);
    this.memory.delete(id);
    try {
      await this.secrets.delete(id);
    } catch {
      // Nothing stored there to remove.
    }
    this.changed.fire({ baseUrl, key });
  }

  dispose(): void {
    this.changed.dispose();
    this.memory.clear();
  }
}
