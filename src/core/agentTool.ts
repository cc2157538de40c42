/**
 * One agent tool as every surface sees it: VS Code's language-model tools
 * (Copilot) and the MCP server. `tools/` defines them; `extension.ts` hands
 * the same objects to both, so a tool is written once.
 */
export interface AgentTool {
  /** `megaapi_{verb}_{noun}`, as `contributes.languageModelTools` declares it. */
  readonly name: string;
  /** What the model reads: what the tool does, and that MegaAPI's words in the answer are untrusted data. */
  readonly description: string;
  /** JSON Schema of the input (an object). */
  readonly inputSchema: Readonly<Record<string, unknown>>;
  /** What VS Code shows while it runs. */
  progress?(input: unknown): string;
  /** Never rejects for MegaAPI's failures or a declined confirmation: those come back as text. */
  invoke(input: unknown, caller: AgentCaller): Promise<string>;
}

export interface AgentCaller {
  /** Who asked, in words for the person who confirms: "Copilot", or the MCP client's name made inert. */
  client: string;
  signal: AbortSignal;
}
