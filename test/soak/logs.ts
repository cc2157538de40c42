import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';

/** Every log file of this run: the runner opens `<workDir>/workspace`, and code-server logs under `<workDir>`. */
export function logFiles(): string[] {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return [];
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 8) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path, depth + 1);
      else if (/\.log$/.test(name) && stat.size < 50_000_000) found.push(path);
    }
  };
  try {
    walk(dirname(folder), 0);
  } catch {
    // A file that went away while walking: what was found is searched.
  }
  return found;
}

export const shortName = (file: string) => file.split('/').slice(-2).join('/');

/** The files holding any of the secrets. */
export function filesHolding(files: string[], secrets: string[]): string[] {
  return files.filter((file) => {
    const text = readFileSync(file, 'latin1');
    return secrets.some((secret) => text.includes(secret));
  });
}

/** The extension's id or its bundles in a stack (the run's temp folder is named megaapi-… too, so not just the word). */
const OURS = /megaapi-community|dist\/(?:extension|mcp|snippets)\.js|out\/test\/soak/;

/**
 * The extension host's error lines that are this extension's: an unhandled
 * rejection or uncaught error whose stack or text names it. VS Code's own
 * noise (a missing built-in, a telemetry hiccup) is not the soak's business.
 */
export function extensionHostErrors(files: string[]): string[] {
  const hostLogs = files.filter((file) => /exthost/i.test(file) && !file.endsWith('MegaAPI.log'));
  const errors: string[] = [];
  for (const file of hostLogs) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, at) => {
      if (!/\[error\]/i.test(line)) return;
      const context = lines.slice(at, at + 15).join('\n');
      if (OURS.test(context)) errors.push(`${shortName(file)}: ${line.slice(0, 300)}`);
    });
  }
  return errors;
}
