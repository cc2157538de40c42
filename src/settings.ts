import * as vscode from 'vscode';
import { SessionTiming, timingFromSettings } from './session/timing';

const SECTION = 'megaapi';

/** Reads the `megaapi.*` settings fresh each time, so changes apply without a reload. */
export function readSettings() {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    baseUrl: config.get<string>('baseUrl', '').trim(),
    timeoutMs: Math.min(120, Math.max(1, config.get<number>('requestTimeoutSeconds', 15))) * 1000,
    allowInsecureHttp: config.get<boolean>('allowInsecureHttp', false),
    closePanelWhenConnected: config.get<boolean>('closePanelWhenConnected', true),
  };
}

export function readTiming(): SessionTiming {
  const config = vscode.workspace.getConfiguration(SECTION);
  return timingFromSettings({
    qrRefreshSeconds: config.get<number>('qrRefreshSeconds'),
    maxQrs: config.get<number>('maxQrCodes'),
    maxMinutes: config.get<number>('maxMinutes'),
  });
}

export async function saveBaseUrl(baseUrl: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('baseUrl', baseUrl, vscode.ConfigurationTarget.Global);
}
