import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { LanguageId } from '../../src/snippets/templates/template';

/** How the test runs one language's snippet, or why it cannot on this machine. */
export interface Runner {
  run(snippet: string, dir: string, env: NodeJS.ProcessEnv): Promise<string>;
  /** Undefined when the runtime is here; otherwise the reason, shown in the skipped test's title. */
  missing?: string;
}

function present(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

function exec(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: 15_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function file(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** `{{$processEnv NAME}}` as REST Client reads it, then the request sent with fetch as REST Client would. */
async function sendHttpFile(text: string, env: NodeJS.ProcessEnv): Promise<string> {
  const filled = text.replace(/\{\{\$processEnv (\w+)\}\}/g, (_, name: string) => env[name] ?? '');
  const lines = filled.split('\n');
  let at = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('#'));
  const [method, url] = lines[at].split(' ');
  const headers: Record<string, string> = {};
  for (at += 1; at < lines.length && lines[at].trim() !== ''; at++) {
    const colon = lines[at].indexOf(':');
    headers[lines[at].slice(0, colon).trim()] = lines[at].slice(colon + 1).trim();
  }
  const body = lines
    .slice(at + 1)
    .join('\n')
    .trim();
  const response = await fetch(url, { method, headers, body: body === '' ? undefined : body });
  return `${response.status} ${await response.text()}`;
}

/**
 * The node n8n would run, read the way its HTTP Request node (v4) reads its
 * parameters: expressions start with `=`, and `{{ $env.NAME }}` reads the
 * server's environment.
 */
async function sendN8nNode(text: string, env: NodeJS.ProcessEnv): Promise<string> {
  const node = (JSON.parse(text) as { nodes: Array<{ parameters: N8nParameters }> }).nodes[0];
  const p = node.parameters;
  const expression = (value: string) =>
    value.startsWith('=')
      ? value.slice(1).replace(/\{\{\s*\$env\.(\w+)\s*\}\}/g, (_, n: string) => env[n] ?? '')
      : value;
  const url = new URL(p.url);
  for (const { name, value } of p.sendQuery ? p.queryParameters.parameters : []) url.searchParams.append(name, value);
  const headers = Object.fromEntries(
    (p.sendHeaders ? p.headerParameters.parameters : []).map(({ name, value }) => [name, expression(value)]),
  );
  const body = p.sendBody && p.specifyBody === 'json' ? JSON.stringify(JSON.parse(p.jsonBody)) : undefined;
  const response = await fetch(url, { method: p.method ?? 'GET', headers, body });
  return `${response.status} ${await response.text()}`;
}

export interface N8nParameters {
  method?: string;
  url: string;
  sendQuery?: boolean;
  queryParameters: { parameters: Array<{ name: string; value: string }> };
  sendHeaders?: boolean;
  headerParameters: { parameters: Array<{ name: string; value: string }> };
  sendBody?: boolean;
  specifyBody?: string;
  jsonBody: string;
  options: Record<string, unknown>;
}

export function runners(): Record<LanguageId, Runner> {
  const php = present('php', ['-r', 'exit(function_exists("curl_init") ? 0 : 1);']);
  const python = present('python3', ['--version']);
  const requests = python && present('python3', ['-c', 'import requests']);
  const curl = present('curl', ['--version']) && present('sh', ['-c', 'exit 0']);
  return {
    curl: {
      missing: curl ? undefined : 'curl or sh is not installed',
      run: (snippet, dir, env) => exec('sh', [file(dir, 'snippet.sh', snippet)], env),
    },
    javascript: { run: (snippet, dir, env) => exec(process.execPath, [file(dir, 'snippet.js', snippet)], env) },
    typescript: {
      run: (snippet, dir, env) => {
        const js = ts.transpileModule(snippet, {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
        }).outputText;
        return exec(process.execPath, [file(dir, 'snippet.js', js)], env);
      },
    },
    python: {
      missing: !python
        ? 'python3 is not installed'
        : !requests
          ? "python3's requests module is not installed"
          : undefined,
      run: (snippet, dir, env) => exec('python3', [file(dir, 'snippet.py', snippet)], env),
    },
    php: {
      missing: php ? undefined : 'php (with its curl extension) is not installed',
      run: (snippet, dir, env) => exec('php', [file(dir, 'snippet.php', snippet)], env),
    },
    http: { run: (snippet, _dir, env) => sendHttpFile(snippet, env) },
    n8n: { run: (snippet, _dir, env) => sendN8nNode(snippet, env) },
  };
}
