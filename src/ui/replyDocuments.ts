import vscode = require('vscode');
import { RawReply, replyForDisplay } from '../api/rawReply';
import { InstanceRef } from '../core/instanceRef';
import { Instances } from '../instances/instances';

/** Documents of this scheme are read-only: VS Code offers no Save for a content provider's text. */
export const REPLY_SCHEME = 'megaapi-reply';

/** Enough for a few Show Reply clicks back; older documents show empty if reopened. */
const KEPT = 20;

/**
 * "Show Reply": the raw answer of a MegaAPI call in a read-only editor, so a
 * reply whose shape the extension does not know can still be read. Only the
 * response goes in (never the request, so never its Authorization header),
 * and the instance's token is blanked wherever the server echoed it.
 */
export class ReplyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private count = 0;
  private readonly registration: vscode.Disposable;

  constructor(private readonly instances: Instances) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(REPLY_SCHEME, this);
  }

  async show(instance: InstanceRef, reply: RawReply): Promise<void> {
    const token = await this.instances.token(instance);
    const shown = replyForDisplay(reply.text, token ? [token] : []);
    const empty = vscode.l10n.t('(MegaAPI sent an empty body, HTTP {0}.)', reply.status);
    this.count += 1;
    // The name is the tab's title: what was asked, of which instance, and the HTTP status.
    const name = `${reply.what} ${instance.key} HTTP ${reply.status} (${this.count}).${shown.json ? 'json' : 'txt'}`;
    const uri = vscode.Uri.from({ scheme: REPLY_SCHEME, path: `/${name}` });
    this.texts.set(uri.path, shown.text === '' ? empty : shown.text);
    for (const old of [...this.texts.keys()].slice(0, -KEPT)) this.texts.delete(old);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}
