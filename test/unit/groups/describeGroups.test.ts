import * as assert from 'node:assert/strict';
import { describeGroup, describeGroupsError, groupDetailsDocument } from '../../../src/groups/describeGroups';
import { english } from '../support';

const JID = '120363000000000001@g.us';
const CONTEXT = { host: 'api.example', key: 'megastart-g1' };

describe('groups in the sidebar', () => {
  it('shows the subject and the participant count, the id when there is no subject', () => {
    assert.deepEqual(describeGroup({ id: JID, subject: 'Loja', participants: 3 }, english), {
      label: 'Loja',
      description: '3 participants',
      tooltip: `Loja\n${JID}\n3 participants`,
    });
    assert.equal(describeGroup({ id: JID, participants: 1 }, english).label, JID);
    assert.equal(describeGroup({ id: JID, participants: 1 }, english).description, '1 participant');
    assert.equal(describeGroup({ id: JID }, english).description, '');
  });

  it('keeps a subject inert and bounded', () => {
    const look = describeGroup({ id: JID, subject: `[x](command:megaapi.logout)\u0007${'y'.repeat(500)}` }, english);
    assert.ok(look.label.length <= 101, String(look.label.length));
    assert.ok(!look.label.includes(String.fromCharCode(7)));
    assert.doesNotMatch(look.label, /\]\(command:/);
  });

  it("says MegaAPI's answer when the phone is not linked, and the usual words for other failures", () => {
    const notLinked = describeGroupsError(
      { kind: 'api', status: 200, message: 'Instance not connected' },
      CONTEXT,
      english,
    );
    assert.equal(notLinked.label, 'Not linked: MegaAPI answered "Instance not connected"');
    const offline = describeGroupsError({ kind: 'unauthorized', status: 401 }, CONTEXT, english);
    assert.equal(offline.label, 'Could not list the groups');
    assert.notEqual(offline.tooltip, '');
  });

  it('lists admins with their role in the details document', () => {
    const document = groupDetailsDocument({
      id: JID,
      subject: 'Loja',
      participants: [{ id: '1@s.whatsapp.net', admin: 'superadmin' }, { id: '2@s.whatsapp.net' }],
    });
    assert.deepEqual(document, {
      id: JID,
      subject: 'Loja',
      participantCount: 2,
      admins: [{ id: '1@s.whatsapp.net', role: 'superadmin' }],
      participants: ['1@s.whatsapp.net', '2@s.whatsapp.net'],
    });
  });
});
