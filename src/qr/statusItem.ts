import vscode = require('vscode');
import { QrPhase } from './phases';

/**
 * The status-bar item of one QR panel: where the linking stands and the
 * countdown to the next QR. Clicking it brings the panel back. Its one-second
 * ticker runs only while there is a countdown and dies with the panel.
 */
export class QrStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private ticker?: NodeJS.Timeout;

  constructor(
    private key: string,
    revealCommand: vscode.Command,
  ) {
    this.item = vscode.window.createStatusBarItem(`megaapi.qr.${key}`, vscode.StatusBarAlignment.Left, 100);
    this.item.name = vscode.l10n.t('MegaAPI QR');
    this.item.command = revealCommand;
  }

  /** The panel now links another instance (its host or key was changed). */
  retarget(key: string, revealCommand: vscode.Command): void {
    this.key = key;
    this.item.command = revealCommand;
  }

  update(phase: QrPhase): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    const t = vscode.l10n.t;
    const countdownTo = phase.kind === 'qr' && !phase.stale ? (phase.nextRefreshAt ?? phase.expiresAt) : undefined;
    const render = () => {
      const base = this.text(phase);
      const seconds = countdownTo === undefined ? undefined : Math.max(0, Math.ceil((countdownTo - Date.now()) / 1000));
      this.item.text = seconds === undefined ? base : `${base} · ${seconds}s`;
    };
    render();
    if (countdownTo !== undefined) this.ticker = setInterval(render, 1000);
    this.item.tooltip = t('MegaAPI: linking {0}. Click to show the QR panel.', this.key);
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.item.dispose();
  }

  private text(phase: QrPhase): string {
    const t = vscode.l10n.t;
    switch (phase.kind) {
      case 'connected':
        return `$(pass-filled) ${t('{0}: connected', this.key)}`;
      case 'error':
        return `$(error) ${t('{0}: error', this.key)}`;
      case 'expired':
        return `$(clock) ${t('{0}: QR expired', this.key)}`;
      case 'qr':
        return `$(device-mobile) ${t('{0}: scan the QR', this.key)}`;
      default:
        return `$(sync~spin) ${t('{0}: checking…', this.key)}`;
    }
  }
}
