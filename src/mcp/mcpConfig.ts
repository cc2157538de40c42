/** The name the server goes by in every client's configuration. */
export const MCP_SERVER_NAME = 'megaapi';

/**
 * The `mcpServers` snippet most MCP clients read (Claude Code, Cursor,
 * Windsurf, Codex's and others' JSON): the URL and the Authorization header.
 * `type: "http"` is what Claude Code needs for Streamable HTTP; the others
 * take the URL alone. The note says what the person must know: it holds a
 * secret, and the port and bearer change at each start. It goes to the
 * clipboard only, never into a file.
 */
export function configSnippet(url: string, bearer: string, note: string): string {
  const config = {
    _note: note,
    mcpServers: {
      [MCP_SERVER_NAME]: { type: 'http', url, headers: { Authorization: `Bearer ${bearer}` } },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
