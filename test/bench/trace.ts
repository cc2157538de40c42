import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, vsixPath } from '../e2e/harness/env';
import { stopAll } from '../e2e/harness/processes';
import { resultsDir } from '../e2e/harness/stack';
import { BenchStack } from './benchStack';
import { packageBaseline } from './fixture';
import { primeMockQr, showOnce } from './showQr';

/**
 * `node out/test/bench/trace.js` (after `npm run bench` or `node scripts/build.mjs --tests`):
 * Chrome traces of four warm command → QR runs each, ours and the baseline, in
 * test-results/bench/traces/, to open in Perfetto or chrome://tracing. Each run's
 * total and phases are printed, so a trace can be read from the key press to the
 * content frame. This is how the bench found the workbench's main thread busy for
 * nearly all of a webview's start-up: anything an extension sends it then waits
 * in line with the webview.
 */
async function main(): Promise<void> {
  const root = projectRoot();
  execFileSync(process.execPath, [join(root, 'scripts/package.mjs')], { cwd: root, stdio: 'ignore' });
  const out = join(resultsDir, 'bench', 'traces');
  mkdirSync(out, { recursive: true });
  const vsix = join(out, 'ours.vsix');
  copyFileSync(vsixPath(root), vsix);
  const baselineVsix = await packageBaseline(root);
  const stack = await BenchStack.start({
    vsix,
    instances: [{ key: 'megastart-bench1', token: 'token-bench' }],
    baselineVsix,
  });
  try {
    await primeMockQr(stack);
    for (const side of ['ours', 'baseline'] as const) {
      await showOnce(stack, side);
      await stack.closeAll();
    }
    const browser = stack.page.context().browser();
    if (!browser) throw new Error('no browser to trace');
    for (let i = 0; i < 4; i++) {
      for (const side of ['ours', 'baseline'] as const) {
        await browser.startTracing(stack.page, {
          path: join(out, `${side}-${i}.json`),
          categories: [
            'devtools.timeline',
            'blink',
            'v8',
            'toplevel',
            'loading',
            'navigation',
            'ipc',
            'disabled-by-default-devtools.timeline',
          ],
        });
        const s = await showOnce(stack, side);
        await browser.stopTracing();
        console.log(side, i, s.total, JSON.stringify(s.phases));
        await stack.closeAll();
      }
    }
  } finally {
    await stack.stop();
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
