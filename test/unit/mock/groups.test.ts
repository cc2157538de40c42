import * as assert from 'node:assert/strict';
import { MOCK_GROUPS } from '../../mock/groups';
import { MockServer, startMockServer } from '../../mock/server';
import { CLOCK, INSTANCES, KEY, mockCalls } from './support';

describe('mock MegaAPI groups', () => {
  let mock: MockServer;
  const { callJson } = mockCalls(() => mock);
  const details = (jid: string) => callJson(`/rest/group/${KEY}/group?jid=${encodeURIComponent(jid)}`);

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
      body: { error: false, groups: MOCK_GROUPS },
    });
  });

  it("answers one group's details, and refuses a jid that is not a group", async () => {
    assert.equal((await details(MOCK_GROUPS[0].id)).body.message, 'Instance not connected');
    mock.setConnected(KEY, true);
    assert.deepEqual((await details(MOCK_GROUPS[0].id)).body, {
      error: false,
      message: 'Group data fetched',
      data: MOCK_GROUPS[0],
    });
    assert.equal((await details('5511999999999@s.whatsapp.net')).status, 400);
    assert.deepEqual((await details('120363999999999999@g.us')).body, { error: true, message: 'Group not found' });
  });
});
