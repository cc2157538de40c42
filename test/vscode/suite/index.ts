import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/**
 * Entry point VS Code calls inside the extension host. The run fails when no
 * test ran at all, so a suite that loaded nothing can never pass. No colours:
 * in code-server the output reaches the terminal through the workbench's
 * automation log, not a TTY.
 *
 * Files run in name order, except that `*.first.test.js` run before the
 * others (they watch the extension activate) and `*.last.test.js` after them
 * (they deactivate it, which disposes its commands).
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false });
  const rank = (file: string) => (file.endsWith('.first.test.js') ? 0 : file.endsWith('.last.test.js') ? 2 : 1);
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const file of files) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    let ran = 0;
    const runner = mocha.run((failures) => {
      if (failures > 0) {
        reject(new Error(`${failures} of the VS Code API tests failed`));
      } else if (ran === 0) {
        reject(new Error(`no VS Code API test ran (test files: ${files.join(', ') || 'none'} in ${__dirname})`));
      } else {
        resolve();
      }
    });
    // Counted here rather than from runner.stats, which only a reporter fills in.
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => ran++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => ran++);
  });
}
