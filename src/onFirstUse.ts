// What activation does not need: each feature's command code and the agent
// tools. This is dist/onFirstUse.js in the packaged extension (scripts/build.mjs),
// required by the first command or tool that needs it; activation registers
// those commands (ui/registerSafely.ts, registerOnFirstUse) so that the palette,
// menus and keybindings find them before it loads. The modules this code shares
// with activation come from the running extension, not from a copy.
import vscode = require('vscode');
import { registerEventCommands as eventCommands } from './events/eventCommands';
import { EventsTree } from './events/eventsTree';
import { registerListenCommands } from './events/listenCommands';
import { Listening } from './events/listening';
import { registerProveDelivery } from './events/proveDelivery';
import { UrlProblem } from './events/publicAddress';
import { registerSampleCommand } from './events/sampleCommand';
import { TapMemory } from './events/tapMemory';
import { Kit } from './ui/kit';
import { webhookUrlReason } from './webhook/webhookReasons';
import { parseWebhookUrl } from './webhook/webhookUrl';

export { openLink, registerLinkCommands } from './deepLinks/linkCommands';
export { offerLeftOverTaps } from './events/listenCommands';
export { registerGroupCommands } from './groups/groupCommands';
export { registerMcpCommands } from './mcp/mcpCommands';
export { registerManageCommands } from './manage/manageCommands';
export { registerMessageCommands } from './messages/messageCommands';
export { registerSnippetCommands } from './snippets/snippetCommands';
export { agentTools, asLmTool } from './tools/toolSurfaces';
export { registerDeepCheck } from './watch/deepCheckCommand';
export { registerWebhookCommands } from './webhook/webhookCommands';

/** What the events commands work on, built at activation (events/registerEvents.ts). */
export interface EventCommandParts {
  context: vscode.ExtensionContext;
  kit: Kit;
  listening: Listening;
  memory: TapMemory;
  tree: EventsTree;
  view: vscode.TreeView<unknown>;
}

export function registerEventCommands({ context, kit, listening, memory, tree, view }: EventCommandParts): void {
  // A public tunnel URL passes the same check as any webhook URL.
  const urlProblem: UrlProblem = (text, megaApiBaseUrl) => {
    const parsed = parseWebhookUrl(text, { allowInsecureHttp: kit.settings.allowInsecureHttp(), megaApiBaseUrl });
    return parsed.ok ? undefined : webhookUrlReason(parsed.reason, vscode.l10n.t);
  };
  registerListenCommands(context, kit, listening, memory, urlProblem);
  eventCommands(context, kit, listening, tree, view);
  registerSampleCommand(context, kit, listening);
  registerProveDelivery(context, kit, listening);
}
