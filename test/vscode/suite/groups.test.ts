import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MOCK_GROUPS } from '../../mock/groups';
import {
  Mock,
  answering,
  api,
  closeAllEditors,
  itemOf,
  labelOf,
  linkedInstance,
  removeInstance,
  waitFor,
} from './support';

const TOKEN = 'groups-token-90ab';

/** The Groups folder in the sidebar, Copy Group ID, Show Group Details, and groups in Send Test Message. */
describe('groups: the sidebar folder and its commands', function () {
  this.timeout(60_000);
  let mock: Mock;
  const key = 'megastart-suite-groups1';
  const childrenOf = async (item: vscode.TreeItem) => (await (await api()).instancesTree.getChildren(item)) ?? [];
  const groupsFolder = async () => {
    const instance = await waitFor('the instance item', () => itemOf(mock.instance(key)));
    const children = await childrenOf(instance);
    return children.find((child) => labelOf(child) === 'Groups');
  };

  before(async () => {
    mock = await Mock.connect();
    await linkedInstance(mock, key, TOKEN);
  });
  after(async () => {
    await closeAllEditors();
    await mock.reset();
    await removeInstance(mock.instance(key));
  });

  it('a connected instance has Groups; each group shows its subject and participant count', async () => {
    const folder = await groupsFolder();
    assert.ok(folder, 'no Groups child');
    assert.equal(folder.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const groups = await childrenOf(folder);
    assert.deepEqual(
      groups.map((g) => [labelOf(g), g.description, g.contextValue]),
      MOCK_GROUPS.map((g) => [g.subject, `${g.participants.length} participants`, 'group']),
    );
  });

  it('Copy Group ID copies the group of the item', async () => {
    const folder = await groupsFolder();
    const [first] = await childrenOf(folder!);
    await answering([], () => vscode.commands.executeCommand('megaapi.copyGroupJid', first), {
      notifications: 'dismiss',
    });
    assert.equal(await vscode.env.clipboard.readText(), MOCK_GROUPS[0].id);
  });

  it('Show Group Details opens the subject, participants and admins read-only', async () => {
    const folder = await groupsFolder();
    const [first] = await childrenOf(folder!);
    await answering([], () => vscode.commands.executeCommand('megaapi.showGroupDetails', first), {
      notifications: 'dismiss',
    });
    const editor = await waitFor('the details', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'megaapi-reply'
        ? vscode.window.activeTextEditor
        : undefined,
    );
    const shown = JSON.parse(editor.document.getText()) as Record<string, unknown>;
    assert.equal(shown.subject, 'Mock Group');
    assert.equal(shown.participantCount, 3);
    assert.deepEqual(shown.admins, [
      { id: '5511999990001@s.whatsapp.net', role: 'superadmin' },
      { id: '5511999990002@s.whatsapp.net', role: 'admin' },
    ]);
    const requests = await mock.requests(key);
    const detail = requests.find((r) => r.path === `/rest/group/${key}/group`);
    assert.equal(new URLSearchParams(detail?.query).get('jid'), MOCK_GROUPS[0].id);
  });

  it('Send Test Message offers the groups beside typing a number, and sends to the one typed', async () => {
    const { seen } = await answering(
      [MOCK_GROUPS[1].id, 'to the second group'],
      () => vscode.commands.executeCommand('megaapi.sendTestMessage', { instance: mock.instance(key) }),
      { notifications: 'dismiss' },
    );
    const pick = seen.find((p) => p.kind === 'quickPick');
    assert.ok(pick?.items?.includes('Mock Group') && pick.items.includes('Second Mock Group'), JSON.stringify(seen));
    const sent = await mock.sentMessages(key);
    assert.deepEqual(
      sent.map((m) => [m.to, m.text]),
      [[MOCK_GROUPS[1].id, 'to the second group']],
    );
  });

  it("a phone unlinked behind the sidebar's back shows MegaAPI's answer, not an empty list", async () => {
    const folder = await groupsFolder();
    await mock.unlink(key);
    // Checking the instance again forgets the list read before, so the folder reads it afresh.
    await vscode.commands.executeCommand('megaapi.refreshStatus', { instance: mock.instance(key) });
    const items = await childrenOf(folder!);
    assert.equal(items.length, 1);
    assert.match(labelOf(items[0]) ?? '', /^Not linked: MegaAPI answered "Instance not connected"$/);
  });
});
