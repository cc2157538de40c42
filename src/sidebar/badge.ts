import vscode = require('vscode');
import { instanceId } from '../core/instanceRef';
import { Instances } from '../instances/instances';
import { StatusEntry } from '../instances/statusCache';
import { attentionBadge, needingAttention, settledEntry } from './attention';

/** Keeps the instances view's badge (shown on the activity-bar icon) in step with what is known of each instance. */
export function trackAttentionBadge(view: vscode.TreeView<unknown>, instances: Instances): { dispose(): void } {
  const settled = new Map<string, StatusEntry | undefined>();
  let shown = '';
  const update = () => {
    const rows = instances.all().map((instance) => {
      const id = instanceId(instance);
      const entry = settledEntry(settled.get(id), instances.status(instance));
      settled.set(id, entry);
      return { instance, entry };
    });
    const ids = new Set(rows.map((row) => instanceId(row.instance)));
    for (const id of settled.keys()) if (!ids.has(id)) settled.delete(id);
    const badge = attentionBadge(needingAttention(rows), vscode.l10n.t);
    // Every status answer fires a change; the view is only touched when the badge differs.
    const next = JSON.stringify(badge ?? null);
    if (next === shown) return;
    shown = next;
    view.badge = badge;
  };
  update();
  return instances.onDidChange(update);
}
