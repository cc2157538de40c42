import { stopAll } from './harness/processes';
import { registry } from './harness/registry';

/** Mocha root hooks for the end-to-end suite: evidence on failure, and no process left behind. */
export const mochaHooks = {
  async afterEach(this: Mocha.Context) {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const shot = await registry().keepEvidence?.(test.fullTitle());
    if (shot) console.log(`      evidence: ${shot} (and the code-server log beside it)`);
  },
  async afterAll() {
    await stopAll();
  },
};
