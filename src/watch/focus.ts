import vscode = require('vscode');
import { FocusSource } from './scheduler';

/** Whether this window has the focus, from VS Code's window state. */
export function focusOf(window: Pick<typeof vscode.window, 'state' | 'onDidChangeWindowState'>): FocusSource {
  return {
    focused: () => window.state.focused,
    onDidChange: (listener) => window.onDidChangeWindowState((state) => listener(state.focused)),
  };
}
