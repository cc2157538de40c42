// `npm run test:e2e`: provision (cached), build, package the .vsix, then run the
// end-to-end suite against it in code-server + Chromium.
import { execFileSync } from 'node:child_process';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

run('bash', ['scripts/provision.sh']);
run(process.execPath, ['scripts/build.mjs', '--tests']);
run(process.execPath, ['scripts/package.mjs']);
try {
  run(process.execPath, ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.e2e.json']);
} catch {
  console.error('\nEnd-to-end tests failed; screenshots and logs are in test-results/.');
  process.exit(1);
}
