import vscode = require('vscode');
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { registerSafely } from '../ui/registerSafely';
import { configSnippet } from './mcpConfig';
import { McpHost } from './mcpHost';

/** Start MCP Server, Stop MCP Server and Copy MCP Server Config. */
export function registerMcpCommands(context: vscode.ExtensionContext, kit: Kit, host: McpHost): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.startMcpServer, async () => {
    const { url } = await host.start();
    const copy = t('Copy MCP Server Config');
    const choice = await vscode.window.showInformationMessage(
      t(
        'The MegaAPI MCP server is running at {0}. MCP clients need its config, with a bearer that changes at each start.',
        url,
      ),
      copy,
    );
    if (choice === copy) await vscode.commands.executeCommand(COMMANDS.copyMcpConfig);
  });

  registerSafely(context, kit.log, COMMANDS.stopMcpServer, async () => {
    const stopped = await host.stop();
    void vscode.window.showInformationMessage(
      stopped ? t('The MegaAPI MCP server stopped.') : t('The MegaAPI MCP server is not running.'),
    );
  });

  registerSafely(context, kit.log, COMMANDS.copyMcpConfig, async () => {
    const { url, bearer } = await host.start();
    const note = t(
      'MegaAPI for VS Code: the port and the bearer change each time the server starts; copy this again then. The bearer is a secret: keep it out of files you share.',
    );
    // The clipboard only: never a file in the workspace, where it could be committed.
    await vscode.env.clipboard.writeText(configSnippet(url, bearer, note));
    void vscode.window.showInformationMessage(
      t(
        'MCP server config copied: paste it into your MCP client’s mcpServers. The port and the bearer change at each start, so copy it again after a restart.',
      ),
    );
  });
}
