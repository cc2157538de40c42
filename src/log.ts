import vscode = require('vscode');

/**
 * The extension's one log channel. Lines name the host, the instance key and
 * what went wrong; tokens are never passed here.
 */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('MegaAPI', { log: true });
}
