import vscode = require('vscode');
import { InstanceRef, instanceId } from '../core/instanceRef';
import { Instances, InstancesChange } from '../instances/instances';
import { QR_VIEW_TYPE, QrPanel, QrPanelDeps, qrPanelTitle, qrWebviewOptions } from './qrPanel';

/**
 * At most one QR panel per instance: asking again reveals it, and starts a
 * new attempt only when the last one is over (expired, or stopped on an
 * error the user had to fix), so 200 deep links make no 200 QR requests.
 * Panels follow their instance: removed, it closes; renamed, it moves along;
 * given a new token, logged out or restarted, it tries again at once.
 */
export class PanelRegistry implements vscode.Disposable {
  private readonly panels = new Map<string, QrPanel>();
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly deps: QrPanelDeps,
    instances: Instances,
  ) {
    this.subscription = instances.onDidChange((change) => this.follow(change));
  }

  show(instance: InstanceRef, options = { refresh: true }): QrPanel {
    const existing = this.get(instance);
    if (existing) {
      existing.reveal();
      if (options.refresh) existing.revisit();
      return existing;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      QR_VIEW_TYPE,
      qrPanelTitle(instance),
      vscode.ViewColumn.Active,
      qrWebviewOptions(),
    );
    return this.adopt(webviewPanel, instance);
  }

  /** Takes over a panel VS Code restored after a reload. */
  adopt(webviewPanel: vscode.WebviewPanel, instance: InstanceRef): QrPanel {
    const panel = new QrPanel(webviewPanel, instance, this.deps);
    this.panels.set(instanceId(instance), panel);
    panel.onDidClose(() => {
      const id = instanceId(panel.instance);
      if (this.panels.get(id) === panel) this.panels.delete(id);
    });
    return panel;
  }

  get(instance: InstanceRef): QrPanel | undefined {
    return this.panels.get(instanceId(instance));
  }

  /** The panel in the active editor group's front, for palette commands like Save QR. */
  active(): QrPanel | undefined {
    return [...this.panels.values()].find((panel) => panel.active);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  private follow(change: InstancesChange): void {
    switch (change.kind) {
      case 'removed':
        return this.get(change.instance)?.dispose();
      case 'token':
      case 'remote':
        // A new token, or a logout or restart: the panel checks the status before it asks for a new QR.
        return this.get(change.instance)?.refresh();
      case 'renamed': {
        const panel = this.get(change.from);
        if (!panel) return;
        this.panels.delete(instanceId(change.from));
        // A panel already open for the new name wins; the moved one closes.
        if (this.get(change.to)) return panel.dispose();
        this.panels.set(instanceId(change.to), panel);
        panel.retarget(change.to);
        return;
      }
      case 'saved':
      case 'status':
        return;
    }
  }
}
