import * as vscode from 'vscode';
import { InstanceApi } from '../api/instanceApi';
import { InstanceStatus } from '../api/responses';
import { hostOf } from '../core/baseUrl';
import { Throttle } from '../core/throttle';
import { InstanceRef, instanceId } from '../instance';
import { systemClock } from '../session/clock';
import { PairingFlow } from '../session/pairingFlow';
import { QrSession } from '../session/qrSession';
import { SessionTiming } from '../session/timing';
import { PanelAction } from '../ui/actions';
import { buildQrHtml } from './html';
import { ToWebview, parseFromWebview } from './messages';
import { createNonce } from './nonce';
import { copyQrAsDataUri, saveQrImage } from './qrExport';
import { QrStatusItem } from './statusItem';
import { toWebviewState } from './viewModel';

export const QR_VIEW_TYPE = 'megaapi.qr';

export interface QrPanelDeps {
  extensionUri: vscode.Uri;
  api: InstanceApi;
  log: vscode.LogOutputChannel;
  pairingThrottle: Throttle;
  timing: () => SessionTiming;
  closeWhenConnected: () => boolean;
  onAction(instance: InstanceRef, action: PanelAction): void;
  onConnected(instance: InstanceRef, status: InstanceStatus): void;
}

/** Options for `createWebviewPanel`: scripts on, and resources only from media/. */
export function qrWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** One QR panel for one instance: it owns its session, pairing flow, status item, timers and listeners. */
export class QrPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly session: QrSession;
  private readonly pairing: PairingFlow;
  private readonly status: QrStatusItem;
  private closeTimer?: NodeJS.Timeout;
  private disposed = false;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    readonly instance: InstanceRef,
    private readonly deps: QrPanelDeps,
  ) {
    const { api } = deps;
    const key = instance.key;
    panel.title = vscode.l10n.t('MegaAPI QR: {0}', key);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'megaapi.svg');
    panel.webview.options = qrWebviewOptions(deps.extensionUri);
    this.status = new QrStatusItem(key, { title: panel.title, command: 'megaapi.revealQrPanel', arguments: [{ instance }] });
    this.session = new QrSession(
      {
        clock: systemClock,
        fetchQr: (signal) => api.call(instance, 'QR', (client) => client.getQr(key, signal)),
        fetchStatus: (signal) => api.call(instance, 'Status', (client) => client.getStatus(key, signal)),
        onView: () => this.render(),
        onConnected: (status) => this.connected(status),
      },
      deps.timing(),
    );
    this.pairing = new PairingFlow({
      clock: systemClock,
      fetchCode: (phone, signal) => api.call(instance, 'Pairing code', (client) => client.getPairingCode(key, phone, signal)),
      throttle: deps.pairingThrottle,
      throttleKey: instanceId(instance),
      onView: () => this.render(),
    });
    panel.webview.html = this.html();
    this.disposables.push(
      this.status,
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

  get active(): boolean {
    return this.panel.active;
  }

  requestPairingCode(phone: string): void {
    this.pairing.requestCode(phone);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.closeTimer);
    this.session.dispose();
    this.pairing.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private html(): string {
    const webview = this.panel.webview;
    const t = vscode.l10n.t;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', file)).toString();
    return buildQrHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: media('qr.js'),
      styleUri: media('qr.css'),
      lang: vscode.env.language,
      title: this.panel.title,
      loadingText: t('Fetching the QR code…'),
      refreshLabel: t('Refresh'),
      pairing: {
        heading: t('Link with phone number instead'),
        phoneLabel: t('Phone number with country code'),
        phoneHint: t('Digits only. Brazil: 55 + DDD + number, for example 5511999999999.'),
        submitLabel: t('Get Pairing Code'),
        copyLabel: t('Copy Code'),
        copiedLabel: t('Copied'),
      },
    });
  }

  private render(): void {
    if (this.disposed) return;
    const view = this.session.current;
    this.status.update(view);
    const state = toWebviewState(view, this.pairing.current, {
      host: hostOf(this.instance.baseUrl),
      key: this.instance.key,
      formatTime: (ms) => new Date(ms).toLocaleTimeString(vscode.env.language),
      t: vscode.l10n.t,
    });
    const message: ToWebview = { type: 'render', state, instance: this.instance };
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) {
      this.deps.log.warn(`Ignored an unexpected message from the QR panel of ${this.instance.key}`);
      return;
    }
    if (message.type === 'ready') return this.render();
    if (message.type === 'pairingCode') return this.pairing.requestCode(message.phone);
    this.perform(message.action);
  }

  /** A button in the panel, or the same action from the palette. */
  perform(action: PanelAction): void {
    const view = this.session.current;
    const dataUri = view.kind === 'qr' ? view.qr.dataUri : undefined;
    switch (action) {
      case 'refresh':
      case 'retry':
      case 'generate':
        return this.session.refresh();
      case 'saveQr':
        return void saveQrImage(dataUri, this.instance.key);
      case 'copyQr':
        return void copyQrAsDataUri(dataUri);
      case 'copyPairingCode': {
        const pairing = this.pairing.current;
        const code = pairing.kind === 'code' || pairing.kind === 'throttled' ? pairing.code : undefined;
        if (code) void vscode.env.clipboard.writeText(code);
        return;
      }
      default:
        return this.deps.onAction(this.instance, action);
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
