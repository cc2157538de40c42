import * as assert from 'node:assert/strict';
import { MockServer, startMockServer } from '../../mock/server';
import { CLOCK, INSTANCES, KEY, mockCalls } from './support';

describe('mock MegaAPI group list', () => {
  let mock: MockServer;
  const { callJson } = mockCalls(() => mock);

  before(async () => {
    mock = await startMockServer({ instances: INSTANCES, now: () => CLOCK });
  });
  beforeEach(() => mock.reset());
  after(() => mock.close());

  it('lists groups once linked', async () => {
    assert.deepEqual((await callJson(`/rest/group/list/${KEY}`)).body, {
      error: true,
      message: 'Instance not connected',
    });
    mock.setConnected(KEY, true);
    assert.deepEqual(await callJson(`/rest/group/list/${KEY}`), {
      status: 200,
      body: { error: false, groups: [{ id: '120363000000000001@g.us', subject: 'Mock Group' }] },
    });
  });
});
