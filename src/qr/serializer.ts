import vscode = require('vscode');
import { parseInstanceRef } from '../core/instanceRef';
import { PanelRegistry } from './panelRegistry';
import { QR_VIEW_TYPE, qrWebviewOptions } from './qrPanel';

/**
 * Brings QR panels back after a window reload. The saved state is input like
 * any other and parsed again; the gate re-checks the host on every request,
 * so insecure hosts are accepted here and refused there, with the reason.
 */
export function registerQrSerializer(registry: PanelRegistry): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(QR_VIEW_TYPE, {
    deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      const saved = (state as { instance?: { baseUrl?: unknown; key?: unknown } } | undefined)?.instance;
      const text = (value: unknown) => (typeof value === 'string' ? value : '');
      const instance = parseInstanceRef(text(saved?.baseUrl), text(saved?.key), { allowInsecureHttp: true });
      if (!instance.ok) panel.dispose();
      else {
        // A panel saved by an older version may still have the options it was created with.
        panel.webview.options = qrWebviewOptions();
        registry.adopt(panel, instance.value);
      }
      return Promise.resolve();
    },
  });
}
