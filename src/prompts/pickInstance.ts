import vscode = require('vscode');
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';

/** Which instance, when more than one is known; the only one when there is one. */
export async function pickInstance(saved: InstanceRef[], title: string): Promise<InstanceRef | undefined> {
  if (saved.length <= 1) return saved[0];
  const picked = await vscode.window.showQuickPick(
    saved.map((i) => ({ label: i.key, description: hostOf(i.baseUrl), instance: i })),
    { title, placeHolder: vscode.l10n.t('Pick an instance'), ignoreFocusOut: true },
  );
  return picked && { baseUrl: picked.instance.baseUrl, key: picked.instance.key };
}
