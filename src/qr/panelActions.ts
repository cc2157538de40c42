import { FixAction } from '../text/errorText';
import { Translate } from '../text/translate';
import { COMMANDS, CommandId } from '../ui/commandIds';
import { FIX_ACTIONS, performFix } from '../ui/fixActions';

/** What a panel button can reach; `QrPanel` provides it. */
export interface PanelActionContext {
  /** A fresh linking attempt (Refresh, Retry, Generate new QR). */
  refresh(): void;
  copyQr(): void;
  saveQr(): void;
  copyPairingCode(): void;
  showLog(): void;
  /** Runs a command with this panel's instance as its argument. */
  runCommand(command: CommandId): void;
  openSetting(name: string): void;
}

interface ActionSpec {
  label(t: Translate): string;
  run(context: PanelActionContext): void;
  /** Done in the webview itself when it can (an image on the clipboard needs the page's clipboard). */
  inWebview?: 'copyImage' | 'flashCopied';
}

/** A fix as a panel button: the notifications' label, and Retry starts a fresh attempt here. */
function fix(action: FixAction): ActionSpec {
  return {
    label: FIX_ACTIONS[action].label,
    run: (c) => performFix(action, { ...c, retry: () => c.refresh() }),
  };
}

/**
 * Every button the panel can show: its label and what it does, in one table.
 * The action ids are the table's keys, so an action without a label or a
 * handler does not compile, and neither does a fix that `describeError`
 * offers but the panel cannot perform.
 */
export const PANEL_ACTIONS = {
  refresh: { label: (t) => t('Refresh'), run: (c) => c.refresh() },
  retry: fix('retry'),
  generate: { label: (t) => t('Generate new QR'), run: (c) => c.refresh() },
  setToken: fix('setToken'),
  editKey: fix('editKey'),
  editBaseUrl: fix('editBaseUrl'),
  openSettings: fix('openSettings'),
  showLog: fix('showLog'),
  copyQr: { label: (t) => t('Copy QR Image'), run: (c) => c.copyQr(), inWebview: 'copyImage' },
  saveQr: { label: (t) => t('Save QR as PNG…'), run: (c) => c.saveQr() },
  copyPairingCode: { label: (t) => t('Copy Code'), run: (c) => c.copyPairingCode(), inWebview: 'flashCopied' },
  restart: { label: (t) => t('Restart Instance'), run: (c) => c.runCommand(COMMANDS.restart) },
  copyLink: { label: (t) => t('Copy Link to Instance'), run: (c) => c.runCommand(COMMANDS.copyInstanceLink) },
  sendTestMessage: { label: (t) => t('Send a test message'), run: (c) => c.runCommand(COMMANDS.sendTestMessage) },
} satisfies Record<string, ActionSpec>;

export type PanelAction = keyof typeof PANEL_ACTIONS;

/** Compiles only while every fix `describeError` offers is a panel action. */
export const FIX_ACTIONS_ARE_PANEL_ACTIONS: (action: FixAction) => PanelAction = (action) => action;

export function isPanelAction(value: unknown): value is PanelAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PANEL_ACTIONS, value);
}

export function runPanelAction(action: PanelAction, context: PanelActionContext): void {
  PANEL_ACTIONS[action].run(context);
}

export function panelButton(action: PanelAction, t: Translate, primary = false): PanelButton {
  const spec: ActionSpec = PANEL_ACTIONS[action];
  return { id: action, label: spec.label(t), primary, inWebview: spec.inWebview };
}

/** A button as the webview draws it. */
export interface PanelButton {
  id: PanelAction;
  label: string;
  primary?: boolean;
  inWebview?: 'copyImage' | 'flashCopied';
}
