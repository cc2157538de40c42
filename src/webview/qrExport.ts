import * as vscode from 'vscode';
import { parseQrImage } from '../core/qrImage';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/** "Save QR as PNG…": writes the image bytes exactly as received (re-validated), wherever the user chooses. */
export async function saveQrImage(dataUri: string | undefined, key: string): Promise<void> {
  const t = vscode.l10n.t;
  const image = dataUri ? parseQrImage(dataUri) : undefined;
  if (!image?.ok) {
    void vscode.window.showWarningMessage(t('There is no QR code on screen to save.'));
    return;
  }
  const extension = EXTENSIONS[image.value.mime];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `megaapi-qr-${key}.${extension}`;
  const target = await vscode.window.showSaveDialog({
    title: t('Save QR as PNG…'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name),
    filters: { [t('Images')]: [extension] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, image.value.bytes);
  void vscode.window.showInformationMessage(t('QR code saved to {0}.', target.fsPath));
}

/**
 * VS Code's clipboard API holds text only. The panel copies the image itself
 * (a click there may use the browser clipboard); this fallback copies the
 * image as a data: URI, which image tools and browsers accept when pasted.
 */
export async function copyQrAsDataUri(dataUri: string | undefined): Promise<void> {
  const t = vscode.l10n.t;
  if (!dataUri) {
    void vscode.window.showWarningMessage(t('There is no QR code on screen to copy.'));
    return;
  }
  await vscode.env.clipboard.writeText(dataUri);
  void vscode.window.showInformationMessage(t('The QR code was copied as a data: URI (the clipboard here holds text only).'));
}
