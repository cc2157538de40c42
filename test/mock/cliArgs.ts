import { parseArgs } from 'node:util';
import type { MockInstance } from './state';

export interface CliOptions {
  port: number;
  instances: MockInstance[];
  qrRotateMs: number;
  /** Every API answer waits this long first. */
  delayMs: number;
  help: boolean;
}

export const DEFAULT_INSTANCE: MockInstance = { key: 'megastart-demo1234', token: 'demo-token' };

export const USAGE = `Usage: node out/test/mock/cli.js [--port 3000] [--instance KEY:TOKEN]... [--qr-rotate-seconds 20] [--delay-ms 0]
  --port N                 listen on 127.0.0.1:N (0 = any free port; default 3000)
  --instance KEY:TOKEN     an instance and its Bearer token; repeatable (default ${DEFAULT_INSTANCE.key}:${DEFAULT_INSTANCE.token})
  --qr-rotate-seconds S    how long each QR content lives (default 20, like WhatsApp)
  --delay-ms N             every API answer waits N ms first, like a distant server (default 0)`;

/** Pure, so the flags are tested without spawning the CLI. */
export function parseCliArgs(argv: string[]): { ok: true; options: CliOptions } | { ok: false; error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        instance: { type: 'string', multiple: true },
        'qr-rotate-seconds': { type: 'string' },
        'delay-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }

  const port = Number(values.port ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, error: `invalid --port: ${values.port}` };
  }
  const seconds = Number(values['qr-rotate-seconds'] ?? '20');
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return { ok: false, error: `invalid --qr-rotate-seconds: ${values['qr-rotate-seconds']}` };
  }

  const delayMs = Number(values['delay-ms'] ?? '0');
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 600_000) {
    return { ok: false, error: `invalid --delay-ms: ${values['delay-ms']}` };
  }

  const instances: MockInstance[] = [];
  for (const spec of values.instance ?? []) {
    // Split at the first colon only: keys never hold one, opaque tokens might.
    const colon = spec.indexOf(':');
    if (colon <= 0) return { ok: false, error: `invalid --instance "${spec}", expected KEY:TOKEN` };
    instances.push({ key: spec.slice(0, colon), token: spec.slice(colon + 1) });
  }
  if (instances.length === 0) instances.push({ ...DEFAULT_INSTANCE });

  return {
    ok: true,
    options: { port, instances, qrRotateMs: Math.round(seconds * 1000), delayMs, help: values.help ?? false },
  };
}
