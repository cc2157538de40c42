import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { Mock, extension, manifest, removeInstance, setToken, sleep, waitFor } from './support';

/** Events that would start the extension with the window, before anyone asks for it. */
const EAGER = new Set(['*', 'onStartupFinished']);

describe('activation', () => {
  let mock: Mock;

  before(async () => {
    mock = await Mock.connect();
    await mock.reset();
  });

  it('waits to be asked, then activates without a network request, and reports how long it took', async () => {
    const ext = extension();
    const eager = (manifest().activationEvents ?? []).filter((event) => EAGER.has(event));
    if (eager.length === 0) {
      assert.equal(ext.isActive, false, 'active before any of its activation events happened');
    }
    if (ext.isActive) {
      console.log(`      activation time: not measured (already active, through ${eager.join(', ')})`);
    } else {
      const started = performance.now();
      await ext.activate();
      console.log(`      activation time: ${(performance.now() - started).toFixed(1)} ms`);
    }
    assert.ok(ext.exports?.instancesTree, 'activate() returned no instancesTree');
    // Anything started on activation (a status check, a token probe) would land within this second.
    await sleep(1000);
    assert.deepEqual(await mock.requests(), [], 'MegaAPI was called on activation');
  });

  it('calls MegaAPI once a command asks for it (so the empty log above means something)', async () => {
    const instance = mock.instance('megastart-suite-activation');
    await mock.addInstance(instance.key, 'activation-token');
    try {
      await setToken(instance, 'activation-token');
      const calls = await waitFor('the token check', async () => {
        const seen = await mock.requests(instance.key);
        return seen.length > 0 && seen;
      });
      assert.equal(calls[0].authorized, true);
    } finally {
      await removeInstance(instance);
      await vscode.commands.executeCommand('notifications.clearAll');
    }
  });
});
