import vscode = require('vscode');
import { parseInstanceKey } from '../core/instanceKey';
import { instanceKeyReason } from '../text/reasons';
import { askParsed } from './askParsed';

interface KeyItem extends vscode.QuickPickItem {
  key?: string;
}

/**
 * A quick pick of the saved keys, most recent first, where typing a new key
 * and pressing Enter accepts it; a plain input box when none is saved.
 * Undefined when the user pressed Esc.
 */
export async function askInstanceKey(savedKeys: string[]): Promise<string | undefined> {
  const t = vscode.l10n.t;
  if (savedKeys.length === 0) {
    return askParsed(
      {
        title: t('MegaAPI instance key'),
        prompt: t('The key of the instance to link, as shown in the MegaAPI panel.'),
        placeHolder: 'megastart-XXXXXXXX',
      },
      parseInstanceKey,
      (reason) => instanceKeyReason(reason, t),
    );
  }
  return pickKey(savedKeys);
}

function pickKey(savedKeys: string[]): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const pick = vscode.window.createQuickPick<KeyItem>();
  pick.title = t('MegaAPI instance key');
  pick.placeholder = t('Pick an instance, or type a new key and press Enter');
  pick.ignoreFocusOut = true;
  const saved: KeyItem[] = savedKeys.map((key) => ({ label: key, key }));
  pick.items = saved;

  // The typed text becomes the first item, so Enter accepts a new key.
  const update = () => {
    const typed = pick.value.trim();
    if (typed === '' || savedKeys.includes(typed)) {
      pick.items = saved;
      return;
    }
    const parsed = parseInstanceKey(typed);
    const typedItem: KeyItem = parsed.ok
      ? { label: typed, description: t('new instance key'), key: parsed.value, alwaysShow: true }
      : { label: `$(warning) ${typed}`, description: instanceKeyReason(parsed.reason, t), alwaysShow: true };
    pick.items = [typedItem, ...saved];
    pick.activeItems = [typedItem];
  };

  return new Promise((resolve) => {
    let result: string | undefined;
    pick.onDidChangeValue(update);
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (!chosen?.key) return; // an invalid typed key stays in the box with its reason
      result = chosen.key;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(result);
    });
    pick.show();
  });
}
