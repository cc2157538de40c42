import vscode = require('vscode');
import { groupDetailsEndpoint, isGroupJid } from '../api/groups';
import { callKeepingReply } from '../api/rawReply';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { pickSavedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { inProgress, showCallError } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { describeGroup, describeGroupsError, groupDetailsDocument } from './describeGroups';
import { GroupsChildren } from './groupsChildren';

/** Copy Group ID and Show Details, on a group in the sidebar (`{ instance, jid }`) or from the palette. */
export function registerGroupCommands(context: vscode.ExtensionContext, kit: Kit, groups: GroupsChildren): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.copyGroupJid, async (arg?: unknown) => {
    const chosen = await groupOf(arg, kit, groups, t('Copy the ID of a group of which instance?'));
    if (!chosen) return;
    await vscode.env.clipboard.writeText(chosen.jid);
    void vscode.window.showInformationMessage(t('Copied the group ID {0}.', chosen.jid));
  });
  registerSafely(context, kit.log, COMMANDS.showGroupDetails, async (arg?: unknown) => {
    const chosen = await groupOf(arg, kit, groups, t('Show a group of which instance?'));
    if (!chosen) return;
    const { instance, jid } = chosen;
    const { result, reply } = await inProgress(t('Reading group {0}…', jid), () =>
      callKeepingReply(kit.calls.for(instance), groupDetailsEndpoint(instance.key, jid)),
    );
    if (!result.ok) return showCallError(result.error, reply, instance, COMMANDS.showGroupDetails, kit);
    const text = JSON.stringify(groupDetailsDocument(result.value));
    await kit.replies.show(instance, {
      what: 'Group details',
      status: reply?.status ?? 200,
      text,
      receivedAt: reply?.receivedAt ?? Date.now(),
    });
  });
}

/** The group a sidebar item carries, else one picked from the instance's list. */
async function groupOf(
  arg: unknown,
  kit: Kit,
  groups: GroupsChildren,
  title: string,
): Promise<{ instance: InstanceRef; jid: string } | undefined> {
  const t = vscode.l10n.t;
  const carried = typeof arg === 'object' && arg !== null ? (arg as { jid?: unknown }).jid : undefined;
  const instance = await pickSavedInstance(arg, kit, title);
  if (!instance) return undefined;
  if (isGroupJid(carried)) return { instance, jid: carried };
  const listed = await inProgress(t('Listing the groups of {0}…', instance.key), () => groups.list(instance));
  if (!listed.ok) {
    const look = describeGroupsError(listed.error, { host: hostOf(instance.baseUrl), key: instance.key }, t);
    void vscode.window.showErrorMessage(`${look.label} ${look.tooltip}`);
    return undefined;
  }
  if (listed.value.length === 0) {
    void vscode.window.showInformationMessage(t('{0} is in no group.', instance.key));
    return undefined;
  }
  const items = listed.value.map((group) => {
    const look = describeGroup(group, t);
    return { label: look.label, description: look.description, detail: group.id, jid: group.id };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Groups of {0}', instance.key),
    placeHolder: t('Which group?'),
    matchOnDetail: true,
  });
  return picked && { instance, jid: picked.jid };
}
