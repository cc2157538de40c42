import vscode = require('vscode');
import {
  NUMBER_SETTINGS,
  NumberSettingName,
  readNumberSetting,
  settingValueText,
  watchIntervalSeconds,
} from './core/settingSpecs';

const SECTION = 'megaapi';

/**
 * Reads the `megaapi.*` settings fresh each time, so changes apply without a
 * reload. Numbers pass one validator: a string, NaN, a negative or a huge
 * value becomes the default or the nearest bound, and the log says so once.
 * Whatever JSON a (workspace) settings file holds, reading never throws:
 * only a real string, number or boolean is used, the rest is the default.
 */
export class Settings {
  private readonly reported = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  baseUrl(): string {
    const raw = this.config().get<unknown>('baseUrl', '');
    return typeof raw === 'string' ? raw.trim() : '';
  }

  timeoutMs(): number {
    return this.number('requestTimeoutSeconds') * 1000;
  }

  allowInsecureHttp(): boolean {
    // Only a real `true` opens plain http: a string "false" must not.
    return this.config().get<unknown>('allowInsecureHttp', false) === true;
  }

  closePanelWhenConnected(): boolean {
    return this.config().get<unknown>('closePanelWhenConnected', true) !== false;
  }

  /** The QR panel's numbers, validated and within bounds; the panel turns them into its timing. */
  qrNumbers(): { qrRefreshSeconds: number; maxQrCodes: number; maxMinutes: number } {
    return {
      qrRefreshSeconds: this.number('qrRefreshSeconds'),
      maxQrCodes: this.number('maxQrCodes'),
      maxMinutes: this.number('maxMinutes'),
    };
  }

  /** The health watch's interval in ms; 0 when it is off. */
  watchIntervalMs(): number {
    const raw = this.config().get<unknown>('watch.intervalSeconds', 60);
    const { value, problem } = watchIntervalSeconds(raw);
    this.report('watch.intervalSeconds', raw, problem, value);
    return value * 1000;
  }

  async saveBaseUrl(baseUrl: string): Promise<void> {
    await this.config().update('baseUrl', baseUrl, vscode.ConfigurationTarget.Global);
  }

  private number(name: NumberSettingName): number {
    const raw = this.config().get<unknown>(name, NUMBER_SETTINGS[name].fallback);
    const { value, reportKey, warning } = readNumberSetting(name, raw);
    if (reportKey && warning && !this.reported.has(reportKey)) {
      this.reported.add(reportKey);
      this.log.warn(warning);
    }
    return value;
  }

  private report(name: string, raw: unknown, problem: string | undefined, value: number): void {
    const shown = settingValueText(raw);
    const report = `${name}:${shown}`;
    if (problem && !this.reported.has(report)) {
      this.reported.add(report);
      this.log.warn(`Setting megaapi.${name} is ${problem} (${shown}); using ${value}.`);
    }
  }

  private config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }
}
