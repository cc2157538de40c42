// The API VS Code gives the QR panel's page, typed with the extension's own
// messages so the page and the extension cannot drift apart unnoticed.
type FromWebview = import('../src/qr/protocol').FromWebview;
type SavedPanelState = import('../src/qr/protocol').SavedPanelState;

declare function acquireVsCodeApi(): {
  postMessage(message: FromWebview): void;
  getState(): SavedPanelState | undefined;
  setState(state: SavedPanelState): void;
};
