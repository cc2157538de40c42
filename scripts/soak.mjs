// `npm run soak [seconds]`: the extension in code-server against the mock with
// random faults, webhook events, the health watch, the MCP server and hostile
// traffic (test/soak); the runner watches the page (test/vscode/runner/screenWatch.ts).
import { execFileSync, spawn } from 'node:child_process';

const seconds = Number(process.argv[2] || 120);
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error('npm run soak -- <seconds>: a positive number of seconds');
  process.exit(2);
}
execFileSync('bash', ['scripts/provision.sh'], { stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync(process.execPath, ['scripts/build.mjs', '--tests'], { stdio: 'inherit' });
const token = 'soak-token-3f9c1a7d5e2b';
// The QR panel's worst: one request timeout (15 s by default) plus 5 s.
const screen = { secrets: [token, token.slice(0, 12)], loadingLimitMs: 20_000, expectPanel: true };
const env = {
  ...process.env,
  MEGAAPI_SUITE: 'out/test/soak/index.js',
  MEGAAPI_SOAK_SECONDS: String(seconds),
  MEGAAPI_SOAK_TOKEN: token,
  MEGAAPI_SCREEN_WATCH: JSON.stringify(screen),
  MEGAAPI_EXTHOST_TIMEOUT_MS: String((seconds + 600) * 1000),
};
const runner = spawn(process.execPath, ['out/test/vscode/runner/main.js'], { stdio: 'inherit', env });
process.on('SIGINT', () => {});
process.on('SIGTERM', () => runner.kill('SIGTERM'));
runner.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
