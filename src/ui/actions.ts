/** Buttons the panel can show; the webview sends the id back when one is clicked. */
export const PANEL_ACTIONS = [
  'refresh',
  'retry',
  'setToken',
  'editKey',
  'editBaseUrl',
  'generate',
  'showLog',
  'copyQr',
  'saveQr',
  'copyPairingCode',
  'restart',
] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

export function isPanelAction(value: unknown): value is PanelAction {
  return typeof value === 'string' && (PANEL_ACTIONS as readonly string[]).includes(value);
}
