// The MCP server itself: the only file that loads the MCP SDK. esbuild bundles
// it on its own (dist/mcp.js, see scripts/build.mjs), and registerMcp.ts
// requires that bundle only when the server starts, so activation never pays
// for the SDK.
import { randomUUID } from 'node:crypto';
import { IncomingMessage, Server as HttpServer, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { CallToolRequestSchema, CallToolResult, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { AgentTool } from '../core/agentTool';
import { admit } from './mcpAuth';
import { sendWebResponse, webRequest } from './webBridge';

export interface McpServerOptions {
  tools: readonly AgentTool[];
  bearer: string;
  version: string;
  /** Words for the client that asks, from the name in its initialize request (untrusted, may be absent). */
  clientLabel(name: string | undefined): string;
  /** One line per refused request or failure; never given the bearer. */
  log(line: string): void;
  maxSessions?: number;
}

export interface RunningMcpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export type StartMcpServer = (options: McpServerOptions) => Promise<RunningMcpServer>;

/** A JSON-RPC request is small; this leaves room and stops a flood in one body. */
const MAX_BODY_BYTES = 1024 * 1024;
const PATH = '/mcp';

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  server: Server;
}

/**
 * Streamable HTTP on 127.0.0.1, on a port the system picks. Stateful: each
 * client gets a session at `initialize`, and the session remembers the name
 * the client gave, which the confirmation modal shows. (Stateless mode would
 * forget it between requests.) Sessions are bounded: past the limit the
 * oldest is closed.
 */
export const startMcpServer: StartMcpServer = async (options) => {
  const sessions = new Map<string, Session>();
  const maxSessions = options.maxSessions ?? 16;
  let port = 0;

  const http = createServer((req, res) => {
    handle(req, res).catch((thrown: unknown) => {
      options.log(`MCP request failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
      if (!res.headersSent) reply(res, 500, 'Internal error');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const admission = admit(req.headers, options.bearer, port);
    if (!admission.ok) {
      options.log(`MCP request refused (${admission.status}, ${admission.reason}).`);
      if (admission.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      return reply(res, admission.status, admission.status === 401 ? 'Unauthorized' : 'Forbidden');
    }
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== PATH) return reply(res, 404, 'Not found');
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return reply(res, 413, 'Too large');
    const id = req.headers['mcp-session-id'];
    const known = typeof id === 'string' ? sessions.get(id) : undefined;
    if (typeof id === 'string' && !known) return reply(res, 404, 'Unknown session');
    if (!known && req.method !== 'POST') return reply(res, 400, 'No session');
    const request = await webRequest(req, `http://127.0.0.1:${port}`, MAX_BODY_BYTES);
    if (!request) return reply(res, 413, 'Too large');
    const session = known ?? newSession();
    if (!known) await session.server.connect(session.transport);
    await sendWebResponse(await session.transport.handleRequest(request), res);
  }

  function newSession(): Session {
    const server = toolServer(options);
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        for (const [oldId, old] of sessions) {
          if (sessions.size < maxSessions) break;
          sessions.delete(oldId);
          void old.transport.close();
        }
        sessions.set(id, { transport, server });
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    return { transport, server };
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${PATH}`,
    port,
    close: async () => {
      const open = [...sessions.values()];
      sessions.clear();
      // The port first: no session's stream may keep the server reachable while it closes.
      const closed = closeHttp(http);
      for (const session of open) session.transport.close().catch(() => undefined);
      await closed;
    },
  };
};

/** One MCP server per session: it lists the tools and calls them, naming the client it heard from. */
function toolServer(options: McpServerOptions): Server {
  const server = new Server(
    { name: 'megaapi-vscode', version: options.version },
    // No elicitation or output schemas are used, so no JSON Schema validator is needed (nor bundled).
    { capabilities: { tools: {} }, jsonSchemaValidator: { getValidator: () => refuseSchema } },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: options.tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema as { type: 'object' },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = options.tools.find((candidate) => candidate.name === request.params.name);
    if (!tool) return { content: [{ type: 'text', text: 'No such tool.' }], isError: true };
    const client = options.clientLabel(server.getClientVersion()?.name);
    try {
      const text = await tool.invoke(request.params.arguments ?? {}, { client, signal: extra.signal });
      return { content: [{ type: 'text', text }] };
    } catch (thrown) {
      options.log(`MCP tool ${tool.name} failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
      return {
        content: [{ type: 'text', text: 'The tool failed inside VS Code; details are in its log.' }],
        isError: true,
      };
    }
  });
  return server;
}

function refuseSchema(): { valid: false; data: undefined; errorMessage: string } {
  return { valid: false, data: undefined, errorMessage: 'Schema validation is not available.' };
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function closeHttp(http: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    http.close(() => resolve());
    // Keep-alive and SSE connections would hold `close` open until they end on their own.
    http.closeAllConnections();
  });
}
