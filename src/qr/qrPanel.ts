import vscode = require('vscode');
import { Calls } from '../api/calls';
import { InstanceStatus } from '../api/replies';
import { hostOf } from '../core/baseUrl';
import { clockTime } from '../core/clockTime';
import { InstanceRef } from '../core/instanceRef';
import { logLine } from '../core/serverText';
import { Throttle } from '../core/throttle';
import { systemClock } from '../core/clock';
import { PairingFlow } from './pairingFlow';
import { QrSession } from './qrSession';
import { SessionTiming } from './timing';
import { PanelAssets } from './assets';
import { buildQrHtml } from './html';
import { FromWebview, ToWebview, parseFromWebview } from './protocol';
import { createNonce } from './nonce';
import { PanelActionContext, runPanelAction } from './panelActions';
import { toPanelContent } from './panelContent';
import { copyQrAsDataUri, saveQrImage } from './qrExport';
import { QrStatusItem } from './statusItem';
import { COMMANDS } from '../ui/commandIds';

export const QR_VIEW_TYPE = 'megaapi.qr';

export interface QrPanelDeps {
  extensionUri: vscode.Uri;
  assets: () => PanelAssets;
  calls: Calls;
  log: vscode.LogOutputChannel;
  pairingThrottle: Throttle;
  timing: () => SessionTiming;
  closeWhenConnected: () => boolean;
  onConnected(instance: InstanceRef, status: InstanceStatus): void;
  /** Timing marks for `npm run bench`'s breakdown; free when tracing is off. */
  mark(instance: InstanceRef, name: string): void;
}

/** Options for `createWebviewPanel`: scripts on, and no local resource at all (the page carries its own). */
export function qrWebviewOptions(): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [] };
}

/** When no QR is on screen by then (an error, a panel opened in the background), icon and status item come anyway. */
const DECORATE_FALLBACK_MS = 1000;

export function qrPanelTitle(instance: InstanceRef): string {
  return vscode.l10n.t('MegaAPI QR: {0}', instance.key);
}

/** One QR panel for one instance: it owns its session, pairing flow, status item, timers and listeners. */
export class QrPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private session!: QrSession;
  private pairing!: PairingFlow;
  private readonly status: QrStatusItem;
  private closeTimer?: NodeJS.Timeout;
  private decorated = false;
  private readonly decorateTimer: NodeJS.Timeout;
  private disposed = false;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private current: InstanceRef,
    private readonly deps: QrPanelDeps,
  ) {
    deps.mark(current, 'panelCreated');
    this.status = new QrStatusItem(current.key, this.revealCommand());
    this.disposables.push(
      this.status,
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => this.session.setVisible(e.webviewPanel.visible)),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
    );
    // The QR request leaves now, and the page is set at once: VS Code starts building the
    // webview only when it has HTML, so the two run side by side. The QR is posted the
    // moment it lands; VS Code holds the message until the page listens.
    this.begin();
    this.setHtml();
    this.decorateTimer = setTimeout(() => this.decorate(), DECORATE_FALLBACK_MS);
  }

  get instance(): InstanceRef {
    return this.current;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Shown again on request: a new attempt only when the last one is over (see `QrSession.revisit`). */
  revisit(): void {
    this.session.revisit();
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

  /** A button in the panel, or the same action from the palette. */
  perform(action: Parameters<typeof runPanelAction>[0]): void {
    runPanelAction(action, this.actionContext());
  }

  /** The instance's host or key changed: the panel follows it with a fresh attempt. */
  retarget(instance: InstanceRef): void {
    this.session.dispose();
    this.pairing.dispose();
    this.current = instance;
    this.status.retarget(instance.key, this.revealCommand());
    this.begin();
    // A new page, so its title and saved state name the instance it now shows.
    this.setHtml();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.closeTimer);
    clearTimeout(this.decorateTimer);
    this.session.dispose();
    this.pairing.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private begin(): void {
    const instance = this.current;
    const client = this.deps.calls.for(instance);
    const title = qrPanelTitle(instance);
    // Each change of title is a message to the window and a redraw of the tab.
    if (this.panel.title !== title) this.panel.title = title;
    this.session = new QrSession(
      {
        clock: systemClock,
        fetchQr: (signal) => {
          this.deps.mark(instance, 'qrRequested');
          return client.getQr(signal).finally(() => this.deps.mark(instance, 'qrAnswered'));
        },
        fetchStatus: (signal) => client.getStatus(signal),
        onPhase: () => this.render(),
        onConnected: (status) => this.connected(status),
      },
      this.deps.timing(),
    );
    this.pairing = new PairingFlow({
      clock: systemClock,
      fetchCode: (phone, signal) => client.getPairingCode(phone, signal),
      throttle: this.deps.pairingThrottle,
      instance,
      onPhase: () => this.render(),
    });
    this.session.start();
  }

  /**
   * The tab icon and the status-bar item wait until the QR is on screen (or a
   * second has passed). While a webview starts, the workbench's one thread is
   * busy building it, and each of these is work there: the icon rewrites a
   * stylesheet every webview tab shares, the status bar lays out again.
   */
  private decorate(): void {
    if (this.decorated || this.disposed) return;
    this.decorated = true;
    clearTimeout(this.decorateTimer);
    this.panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'megaapi.svg');
    this.status.update(this.session.current);
  }

  private revealCommand(): vscode.Command {
    return { title: this.panel.title, command: COMMANDS.revealQrPanel, arguments: [{ instance: this.current }] };
  }

  private setHtml(): void {
    const t = vscode.l10n.t;
    this.panel.webview.html = buildQrHtml({
      ...this.deps.assets(),
      nonce: createNonce(),
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
    this.deps.mark(this.current, 'htmlSet');
  }

  private message(): ToWebview {
    const content = toPanelContent(this.session.current, this.pairing.current, {
      host: hostOf(this.current.baseUrl),
      key: this.current.key,
      formatTime: (ms) => clockTime(ms, vscode.env.language, 'seconds'),
      t: vscode.l10n.t,
    });
    return { type: 'render', content, instance: this.current };
  }

  private render(): void {
    if (this.disposed) return;
    if (this.decorated) this.status.update(this.session.current);
    void this.panel.webview.postMessage(this.message());
    this.deps.mark(this.current, 'renderPosted');
  }

  private receive(raw: unknown): void {
    const message: FromWebview | undefined = parseFromWebview(raw);
    if (!message) {
      this.deps.log.warn(`Ignored an unexpected message from the QR panel of ${this.current.key}`);
      return;
    }
    try {
      switch (message.type) {
        case 'ready':
          this.deps.mark(this.current, 'webviewReady');
          return this.render();
        case 'qrShown':
          this.deps.mark(this.current, 'qrShown');
          return this.decorate();
        case 'pairingCode':
          return this.pairing.requestCode(message.phone);
        case 'action':
          return this.perform(message.action);
      }
    } catch (thrown) {
      this.deps.log.error(
        `QR panel of ${this.current.key}: ${logLine(thrown instanceof Error ? thrown.message : String(thrown))}`,
      );
    }
  }

  private actionContext(): PanelActionContext {
    const phase = this.session.current;
    const image = phase.kind === 'qr' ? phase.qr.image : undefined;
    const instance = this.current;
    return {
      refresh: () => this.session.refresh(),
      saveQr: () => void saveQrImage(image, instance.key),
      copyQr: () => void copyQrAsDataUri(image),
      copyPairingCode: () => {
        const pairing = this.pairing.current;
        const code = pairing.kind === 'code' || pairing.kind === 'throttled' ? pairing.code : undefined;
        if (code) void vscode.env.clipboard.writeText(code);
      },
      showLog: () => this.deps.log.show(),
      runCommand: (command) => void vscode.commands.executeCommand(command, { instance }),
      openSetting: (name) => void vscode.commands.executeCommand('workbench.action.openSettings', name),
    };
  }

  private connected(status: InstanceStatus): void {
    this.deps.onConnected(this.current, status);
    if (this.deps.closeWhenConnected()) {
      // Long enough to read who got linked, short enough not to linger.
      this.closeTimer = setTimeout(() => this.dispose(), 5000);
    }
  }
}
