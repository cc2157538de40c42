import * as assert from 'node:assert/strict';
import { MockServer, startMockServer } from '../../mock/server';
import { INSTANCES, Json, KEY, mockCalls } from './support';

describe('mock MegaAPI: an instance that drops on a timer', () => {
  let mock: MockServer;
  const { callJson, control } = mockCalls(() => mock);
  const status = async () => ((await callJson(`/rest/instance/${KEY}`)).body.instance as Json).status;

  before(async () => {
    mock = await startMockServer({ instances: INSTANCES });
  });
  beforeEach(() => mock.reset());
  after(() => mock.close());

  it('flips the link after the delay asked, and a reset cancels a flip still pending', async () => {
    mock.setConnected(KEY, true);
    assert.deepEqual((await control('POST', `instances/${KEY}/flip`, { afterMs: 50, connected: false })).status, 200);
    assert.equal(await status(), 'connected');
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.notEqual(await status(), 'connected');

    await control('POST', `instances/${KEY}/flip`, { afterMs: 50, connected: true });
    mock.reset();
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.notEqual(await status(), 'connected');
  });

  it('refuses a delay out of bounds or a state that is not a boolean', async () => {
    assert.equal((await control('POST', `instances/${KEY}/flip`, { afterMs: -1, connected: true })).status, 400);
    assert.equal((await control('POST', `instances/${KEY}/flip`, { afterMs: 10, connected: 'no' })).status, 400);
    assert.equal((await control('POST', 'instances/nobody/flip', { afterMs: 10, connected: true })).status, 404);
  });
});
