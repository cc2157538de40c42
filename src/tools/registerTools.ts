// The Copilot agent-mode tools: one language-model tool per name in toolNames.ts,
// each a thin layer over the base services (checks, remote) and the QR panel it is handed.
import vscode = require('vscode');
import { getStatus, listInstances, requestPairingCode, showQr } from './instanceTools';
import { logoutInstance, restartInstance } from './lifecycleTools';
import { ToolDeps, ToolSpec, asTool } from './toolKit';
import { TOOL_NAMES, ToolName } from './toolNames';

/**
 * The Copilot agent tools. Each is a thin layer over what the commands do;
 * none can add an instance, or read a token or a QR code.
 */
export const TOOLS = {
  megaapi_list_instances: listInstances,
  megaapi_get_status: getStatus,
  megaapi_show_qr: showQr,
  megaapi_request_pairing_code: requestPairingCode,
  megaapi_logout_instance: logoutInstance,
  megaapi_restart_instance: restartInstance,
} satisfies Record<ToolName, (deps: ToolDeps) => ToolSpec>;

export function registerTools(context: vscode.ExtensionContext, deps: ToolDeps): void {
  for (const name of TOOL_NAMES) {
    context.subscriptions.push(vscode.lm.registerTool(name, asTool(TOOLS[name](deps), deps, name)));
  }
}
