import * as assert from 'node:assert/strict';
import {
  groupDetailsEndpoint,
  groupDetailsFromReply,
  groupListFromReply,
  isGroupJid,
  listGroupsEndpoint,
} from '../../../src/api/groups';
import { jsonReply } from '../support';

const JID = '120363000000000001@g.us';
const OLD_JID = '5511999999999-1600000000@g.us';

describe('group endpoints', () => {
  it('lists under /rest/group/list/{key} and reads one group with ?jid=', () => {
    const list = listGroupsEndpoint('megastart-A1');
    assert.deepEqual([list.method, list.path, list.query], ['GET', ['group', 'list', 'megastart-A1'], undefined]);
    const one = groupDetailsEndpoint('megastart-A1', JID);
    assert.deepEqual([one.method, one.path, one.query], ['GET', ['group', 'megastart-A1', 'group'], { jid: JID }]);
  });

  it('tells group ids from the rest', () => {
    assert.ok(isGroupJid(JID));
    assert.ok(isGroupJid(OLD_JID));
    for (const other of ['5511999999999@s.whatsapp.net', '12@g.us', `${JID} `, 'x@g.us', 42, undefined]) {
      assert.equal(isGroupJid(other), false, String(other));
    }
  });

  it('accepts a bare array and { groups: [...] }, counting participants', () => {
    const entries = [
      { id: JID, subject: 'A', participants: [{ id: '1@s.whatsapp.net' }, { id: '2@s.whatsapp.net' }] },
      { jid: OLD_JID, name: 'B', size: 7 },
    ];
    const expected = {
      ok: true,
      value: [
        { id: JID, subject: 'A', participants: 2 },
        { id: OLD_JID, subject: 'B', participants: 7 },
      ],
    };
    assert.deepEqual(groupListFromReply(jsonReply(entries)), expected);
    assert.deepEqual(groupListFromReply(jsonReply({ error: false, groups: entries })), expected);
    assert.deepEqual(groupListFromReply(jsonReply({ data: { groups: entries } })), expected);
    assert.deepEqual(groupListFromReply(jsonReply([])), { ok: true, value: [] });
  });

  it('drops entries that are not groups, and leaves an unknown count unknown', () => {
    const reply = jsonReply([null, 'x', { id: '5511999999999@s.whatsapp.net' }, { id: JID, size: -1 }]);
    assert.deepEqual(groupListFromReply(reply), {
      ok: true,
      value: [{ id: JID, subject: undefined, participants: undefined }],
    });
  });

  it("passes MegaAPI's answer on when the instance is not linked, and refuses an unknown shape", () => {
    assert.deepEqual(groupListFromReply(jsonReply({ error: true, message: 'Instance not connected' })), {
      ok: false,
      error: { kind: 'api', status: 200, message: 'Instance not connected' },
    });
    assert.deepEqual(groupListFromReply(jsonReply({ error: false, message: 'ok' })), {
      ok: false,
      error: { kind: 'badPayload', status: 200, reason: 'shape' },
    });
    assert.equal(groupListFromReply(jsonReply([], 500)).ok, false);
    assert.equal(groupListFromReply(jsonReply([], 401)).ok, false);
  });

  it('reads details under data, group or the top, with admins marked', () => {
    const group = {
      id: JID,
      subject: 'A',
      participants: [
        { id: '1@s.whatsapp.net', admin: 'superadmin' },
        { id: '2@s.whatsapp.net', admin: null },
        { jid: '3@s.whatsapp.net', isAdmin: true },
        { admin: 'admin' },
      ],
    };
    const expected = {
      ok: true,
      value: {
        id: JID,
        subject: 'A',
        participants: [
          { id: '1@s.whatsapp.net', admin: 'superadmin' },
          { id: '2@s.whatsapp.net', admin: undefined },
          { id: '3@s.whatsapp.net', admin: 'admin' },
        ],
      },
    };
    assert.deepEqual(groupDetailsFromReply(jsonReply({ error: false, data: group }), JID), expected);
    assert.deepEqual(groupDetailsFromReply(jsonReply({ group }), JID), expected);
    assert.deepEqual(groupDetailsFromReply(jsonReply(group), JID), expected);
    const noId = groupDetailsFromReply(jsonReply({ subject: 'C' }), JID);
    assert.deepEqual(noId, { ok: true, value: { id: JID, subject: 'C', participants: [] } });
    assert.equal(groupDetailsFromReply(jsonReply({ error: false }), JID).ok, false);
    assert.equal(groupDetailsFromReply(jsonReply({ error: true, message: 'Group not found' }), JID).ok, false);
  });
});
