import vscode = require('vscode');

/** `megaapi.events.port`: 0 (the default) picks a free port; anything else is the fixed port a tunnel command names. */
export function eventsPort(): number {
  const raw = vscode.workspace.getConfiguration('megaapi').get<unknown>('events.port', 0);
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 65535 ? raw : 0;
}

/** `megaapi.events.forwardTo`: the developer's handler, '' when not forwarding. */
export function forwardTo(): string {
  const raw = vscode.workspace.getConfiguration('megaapi').get<unknown>('events.forwardTo', '');
  return typeof raw === 'string' ? raw.trim() : '';
}

export async function setForwardTo(url: string): Promise<void> {
  await vscode.workspace.getConfiguration('megaapi').update('events.forwardTo', url, vscode.ConfigurationTarget.Global);
}
