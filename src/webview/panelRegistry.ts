import * as vscode from 'vscode';
import { InstanceRef, instanceId } from '../instance';
import { QR_VIEW_TYPE, QrPanel, QrPanelDeps, qrWebviewOptions } from './qrPanel';

/** At most one QR panel per instance: asking again reveals and refreshes it. */
export class PanelRegistry implements vscode.Disposable {
  private readonly panels = new Map<string, QrPanel>();

  constructor(private readonly deps: QrPanelDeps) {}

  show(instance: InstanceRef, options = { refresh: true }): QrPanel {
    const existing = this.panels.get(instanceId(instance));
    if (existing) {
      existing.reveal();
      if (options.refresh) existing.refresh();
      return existing;
    }
    const webviewPanel = vscode.window.createWebviewPanel(QR_VIEW_TYPE, instance.key, vscode.ViewColumn.Active, qrWebviewOptions(this.deps.extensionUri));
    return this.adopt(webviewPanel, instance);
  }

  /** Takes over a panel VS Code restored after a reload. */
  adopt(webviewPanel: vscode.WebviewPanel, instance: InstanceRef): QrPanel {
    const panel = new QrPanel(webviewPanel, instance, this.deps);
    const id = instanceId(instance);
    this.panels.set(id, panel);
    panel.onDidClose(() => {
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
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
