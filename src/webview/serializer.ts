import * as vscode from 'vscode';
import { parseBaseUrl } from '../core/baseUrl';
import { parseInstanceKey } from '../core/instanceKey';
import { readSettings } from '../settings';
import { PanelRegistry } from './panelRegistry';
import { QR_VIEW_TYPE } from './qrPanel';

/** Brings QR panels back after a window reload; the saved state is re-validated like any input. */
export function registerQrSerializer(registry: PanelRegistry): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(QR_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      const saved = (state as { instance?: { baseUrl?: unknown; key?: unknown } } | undefined)?.instance;
      const baseUrl = parseBaseUrl(String(saved?.baseUrl ?? ''), { allowInsecureHttp: readSettings().allowInsecureHttp });
      const key = parseInstanceKey(String(saved?.key ?? ''));
      if (!baseUrl.ok || !key.ok) {
        panel.dispose();
        return;
      }
      registry.adopt(panel, { baseUrl: baseUrl.value, key: key.value });
    },
  });
}
