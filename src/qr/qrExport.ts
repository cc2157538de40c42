import vscode = require('vscode');
import { QrImage } from '../core/qrImage';

const EXTENSIONS: Record<QrImage['mime'], string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** "Save QR as PNG…": writes the validated image bytes as received, wherever the user chooses. */
export async function saveQrImage(image: QrImage | undefined, key: string): Promise<void> {
  const t = vscode.l10n.t;
  if (!image) {
    void vscode.window.showWarningMessage(t('There is no QR code on screen to save.'));
    return;
  }
  const extension = EXTENSIONS[image.mime];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `megaapi-qr-${key}.${extension}`;
  const target = await vscode.window.showSaveDialog({
    title: t('Save QR as PNG…'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name),
    filters: { [t('Images')]: [extension] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, image.bytes);
  void vscode.window.showInformationMessage(t('QR code saved to {0}.', target.fsPath));
}

/**
 * VS Code's clipboard API holds text only. The panel copies the image itself
 * (a click there may use the browser clipboard); this fallback copies the
 * image as a data: URI, which image tools and browsers accept when pasted.
 */
export async function copyQrAsDataUri(image: QrImage | undefined): Promise<void> {
  const t = vscode.l10n.t;
  if (!image) {
    void vscode.window.showWarningMessage(t('There is no QR code on screen to copy.'));
    return;
  }
  await vscode.env.clipboard.writeText(image.dataUri);
  void vscode.window.showInformationMessage(
    t('The QR code was copied as a data: URI (the clipboard here holds text only).'),
  );
}
