import * as vscode from 'vscode';
import { InstanceStatus } from '../api/responses';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../instance';
import { systemClock } from '../session/clock';
import { QrSession } from '../session/qrSession';
import { SessionTiming } from '../session/timing';
import { SessionView } from '../session/view';
import { PanelAction } from '../ui/actions';
import { buildQrHtml } from './html';
import { FromWebview, ToWebview, parseFromWebview } from './messages';
import { createNonce } from './nonce';
import { toWebviewState } from './viewModel';
import { InstanceApi } from '../api/instanceApi';

export const QR_VIEW_TYPE = 'megaapi.qr';

export interface QrPanelDeps {
  extensionUri: vscode.Uri;
  api: InstanceApi;
  log: vscode.LogOutputChannel;
  timing: () => SessionTiming;
  closeWhenConnected: () => boolean;
  onAction(instance: InstanceRef, action: PanelAction): void;
  onConnected(instance: InstanceRef, status: InstanceStatus): void;
}

/** Options for `createWebviewPanel`: scripts on, and resources only from media/. */
export function qrWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** One QR panel for one instance: it owns its session, timers and listeners. */
export class QrPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly session: QrSession;
  private closeTimer?: NodeJS.Timeout;
  private disposed = false;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    readonly instance: InstanceRef,
    private readonly deps: QrPanelDeps,
  ) {
    const t = vscode.l10n.t;
    panel.title = t('MegaAPI QR: {0}', instance.key);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'megaapi.svg');
    panel.webview.options = qrWebviewOptions(deps.extensionUri);
    this.session = new QrSession(
      {
        clock: systemClock,
        fetchQr: (signal) => deps.api.call(instance, 'QR', (client) => client.getQr(instance.key, signal)),
        fetchStatus: (signal) => deps.api.call(instance, 'Status', (client) => client.getStatus(instance.key, signal)),
        onView: (view) => this.render(view),
        onConnected: (status) => this.connected(status),
      },
      deps.timing(),
    );
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => this.session.setVisible(e.webviewPanel.visible)),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
    );
    this.session.start();
  }

  reveal(): void {
    this.panel.reveal();
  }

  refresh(): void {
    this.session.refresh();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.closeTimer);
    this.session.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private html(): string {
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', file)).toString();
    return buildQrHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: media('qr.js'),
      styleUri: media('qr.css'),
      lang: vscode.env.language,
      title: this.panel.title,
      loadingText: vscode.l10n.t('Fetching the QR code…'),
      refreshLabel: vscode.l10n.t('Refresh'),
    });
  }

  private render(view: SessionView): void {
    if (this.disposed) return;
    const state = toWebviewState(view, {
      host: hostOf(this.instance.baseUrl),
      key: this.instance.key,
      formatTime: (ms) => new Date(ms).toLocaleTimeString(vscode.env.language),
      t: vscode.l10n.t,
    });
    const message: ToWebview = { type: 'render', state, instance: this.instance };
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message: FromWebview | undefined = parseFromWebview(raw);
    if (!message) {
      this.deps.log.warn(`Ignored an unexpected message from the QR panel of ${this.instance.key}`);
      return;
    }
    if (message.type === 'ready') return this.render(this.session.current);
    switch (message.action) {
      case 'refresh':
      case 'retry':
      case 'generate':
        return this.session.refresh();
      default:
        return this.deps.onAction(this.instance, message.action);
    }
  }

  private connected(status: InstanceStatus): void {
    this.deps.onConnected(this.instance, status);
    if (this.deps.closeWhenConnected()) {
      // Long enough to read who got linked, short enough not to linger.
      this.closeTimer = setTimeout(() => this.dispose(), 5000);
    }
  }
}
