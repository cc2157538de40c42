import vscode = require('vscode');
import { Instances } from '../instances/instances';

/**
 * `megaapi.hasInstances` switches the sidebar's welcome view; `megaapi.anyConnected`
 * ticks the walkthrough's last step. Both follow the instances' change event.
 */
export function trackContextKeys(instances: Instances): { dispose(): void } {
  let last = '';
  const update = () => {
    const all = instances.all();
    const hasInstances = all.length > 0;
    const anyConnected = all.some((saved) => instances.status(saved)?.kind === 'connected');
    const now = `${hasInstances}|${anyConnected}`;
    if (now === last) return;
    last = now;
    void vscode.commands.executeCommand('setContext', 'megaapi.hasInstances', hasInstances);
    // Once ticked, the walkthrough step stays ticked for the session.
    if (anyConnected) void vscode.commands.executeCommand('setContext', 'megaapi.anyConnected', true);
  };
  update();
  return instances.onDidChange(update);
}
