import vscode = require('vscode');
import { GroupSummary } from '../api/groups';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { Recipient, formatRecipient, parseRecipient } from './recipient';
import { recipientReason } from './recipientReasons';

interface DestinationItem extends vscode.QuickPickItem {
  recipient?: Recipient;
}

/**
 * The destination of a test message: type a number (or a group id) and press
 * Enter, or pick one of the instance's groups, which arrive while the box is
 * open (`groups` is the list call, never awaited before the box shows).
 * Undefined when the user pressed Esc.
 */
export function pickRecipient(
  instance: InstanceRef,
  last: string | undefined,
  groups: Promise<GroupSummary[]>,
): Promise<Recipient | undefined> {
  const t = vscode.l10n.t;
  const pick = vscode.window.createQuickPick<DestinationItem>();
  pick.title = t('Send a test message from {0}', instance.key);
  pick.placeholder = t(
    'To: a WhatsApp number with country code, digits only (for example 5511999999999), or a group id ending in @g.us.',
  );
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.value = last ?? '';
  pick.busy = true;
  let groupItems: DestinationItem[] = [];

  // The typed text becomes the first item, so Enter sends there; the groups follow.
  const update = () => {
    const typed = pick.value.trim();
    const parsed = typed === '' ? undefined : parseRecipient(typed);
    const head: DestinationItem[] = !parsed
      ? []
      : parsed.ok
        ? [{ label: t('Send to {0}', formatRecipient(parsed.value)), recipient: parsed.value, alwaysShow: true }]
        : [{ label: `$(warning) ${typed}`, description: recipientReason(parsed.reason, t), alwaysShow: true }];
    const separator: DestinationItem[] =
      groupItems.length > 0 ? [{ label: t('Groups'), kind: vscode.QuickPickItemKind.Separator }] : [];
    pick.items = [...head, ...separator, ...groupItems];
    if (head.length > 0) pick.activeItems = [head[0]];
  };

  return new Promise((resolve) => {
    let result: Recipient | undefined;
    let open = true;
    void groups
      .then((list) => {
        groupItems = list.map((group) => ({
          label: serverText(group.subject, 100) || group.id,
          description: group.id,
          detail: group.participants === undefined ? undefined : t('{0} participants', group.participants),
          recipient: { kind: 'group', to: group.id },
        }));
      })
      .finally(() => {
        if (!open) return;
        pick.busy = false;
        update();
      });
    pick.onDidChangeValue(update);
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (!chosen?.recipient) return; // an invalid destination stays in the box with its reason
      result = chosen.recipient;
      pick.hide();
    });
    pick.onDidHide(() => {
      open = false;
      pick.dispose();
      resolve(result);
    });
    update();
    pick.show();
  });
}
