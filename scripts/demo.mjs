// `npm run demo [-- --port 8080]`: provision (cached), build, package, then run
// code-server with the extension against the mock MegaAPI until Ctrl+C.
import { execFileSync, spawn } from 'node:child_process';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

run('bash', ['scripts/provision.sh']);
run(process.execPath, ['scripts/build.mjs', '--tests']);
run(process.execPath, ['scripts/package.mjs']);
const demo = spawn(process.execPath, ['out/test/e2e/harness/demo.js', ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl+C reaches both processes; the demo stops what it started, then this exits with it.
process.on('SIGINT', () => {});
demo.on('exit', (code) => process.exit(code ?? 0));
