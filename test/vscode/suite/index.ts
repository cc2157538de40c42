import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/**
 * Entry point VS Code calls inside the extension host. The run fails when no
 * test ran at all, so a suite that loaded nothing can never pass. No colours:
 * in code-server the output reaches the terminal through the workbench's
 * automation log, not a TTY.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false });
  const files = readdirSync(__dirname).filter((file) => file.endsWith('.test.js'));
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
