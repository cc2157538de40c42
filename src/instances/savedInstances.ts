import * as vscode from 'vscode';

export interface SavedInstance {
  key: string;
  baseUrl: string;
  lastUsed: number;
}

/** globalState key; holds keys and hosts only, never tokens. */
const STATE_KEY = 'megaapi.instances';
const MAX_SAVED = 50;

/** The instances the user has worked with; MegaAPI has no endpoint that lists them. */
export class InstanceStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  /** Most recently used first. */
  all(): SavedInstance[] {
    const raw = this.state.get<unknown>(STATE_KEY, []);
    const list = Array.isArray(raw) ? raw.filter(isSavedInstance) : [];
    return list.sort((a, b) => b.lastUsed - a.lastUsed);
  }

  forBaseUrl(baseUrl: string): SavedInstance[] {
    return this.all().filter((i) => i.baseUrl === baseUrl);
  }

  async touch(baseUrl: string, key: string, now = Date.now()): Promise<void> {
    const rest = this.all().filter((i) => !(i.baseUrl === baseUrl && i.key === key));
    await this.state.update(STATE_KEY, [{ key, baseUrl, lastUsed: now }, ...rest].slice(0, MAX_SAVED));
    this.changed.fire();
  }

  async remove(baseUrl: string, key: string): Promise<void> {
    await this.state.update(STATE_KEY, this.all().filter((i) => !(i.baseUrl === baseUrl && i.key === key)));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function isSavedInstance(value: unknown): value is SavedInstance {
  const v = value as SavedInstance;
  return typeof v?.key === 'string' && typeof v.baseUrl === 'string' && typeof v.lastUsed === 'number';
}
