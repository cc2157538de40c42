// `npm run test:vscode`: build, then run the VS Code API suite in a real extension
// host (test/vscode/runner). code-server, the default host, needs .cache/
// provisioned; VS Code desktop (MEGAAPI_TEST_HOST=electron) does not.
import { execFileSync, spawn } from 'node:child_process';

if ((process.env.MEGAAPI_TEST_HOST || 'code-server') === 'code-server') {
  // Its KEY=VALUE lines are for the runner, which reads them itself.
  execFileSync('bash', ['scripts/provision.sh'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
execFileSync(process.execPath, ['scripts/build.mjs', '--tests'], { stdio: 'inherit' });

const runner = spawn(process.execPath, ['out/test/vscode/runner/main.js'], { stdio: 'inherit' });
// Ctrl+C reaches the runner through the terminal's process group, and the runner
// stops what it started before exiting; a SIGTERM sent to this script alone is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => runner.kill('SIGTERM'));
runner.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
