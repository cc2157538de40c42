import vscode = require('vscode');
import { InstanceRef } from '../core/instanceRef';

/** globalState key, stable; not in setKeysForSync, so it stays on this machine. */
export const PUBLIC_URL_KEY = 'megaapi.events.publicUrl';

/** The webhook URL rule, handed over from the webhook feature in extension.ts: undefined when acceptable, else why not. */
export type UrlProblem = (text: string, megaApiBaseUrl: string) => string | undefined;

/** Where the receiver runs, in words: this computer, or the remote host of a remote or browser window. */
export function whereReceiverRuns(extensionKind: vscode.ExtensionKind | undefined): string {
  const t = vscode.l10n.t;
  if (vscode.env.uiKind === vscode.UIKind.Web) {
    return t('the server behind this browser window (not the computer the browser runs on)');
  }
  const remote = vscode.env.remoteName;
  if (remote && extensionKind === vscode.ExtensionKind.Workspace) {
    return t('the remote host of this window ({0}), not this computer', remote);
  }
  return t('this computer');
}

/** The commands that expose the receiver, for the instructions and the copy buttons. */
export function tunnelCommands(port: number): { ngrok: string; cloudflared: string } {
  return { ngrok: `ngrok http ${port}`, cloudflared: `cloudflared tunnel --url http://127.0.0.1:${port}` };
}

/** The public base URL with the receiver's secret path appended (a tunnel's own path prefix is kept). */
export function tapUrlOf(publicBase: string, secretPath: string): string {
  const url = new URL(publicBase);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${secretPath}`;
  url.search = '';
  return url.toString();
}

/** For messages and the log: the secret path's secret replaced by `…`. */
export function maskTapUrl(url: string): string {
  return url.replace(/\/megaapi\/[0-9a-f]{32}/, '/megaapi/…').replace(/\?.*$/, '?…');
}

/**
 * Shows where the receiver is and how to expose it (once, when no public URL
 * is remembered), then asks for the public base URL and remembers it.
 */
export async function askPublicUrl(
  context: vscode.ExtensionContext,
  instance: InstanceRef,
  port: number,
  problem: UrlProblem,
): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const remembered = context.globalState.get<string>(PUBLIC_URL_KEY);
  const commands = tunnelCommands(port);
  const where = whereReceiverRuns(context.extension?.extensionKind);
  if (!remembered) {
    const enter = t('Enter Public URL');
    const ngrok = t('Copy ngrok Command');
    const cloudflared = t('Copy cloudflared Command');
    const choice = await vscode.window.showInformationMessage(
      t(
        'The receiver listens on 127.0.0.1:{0}, on {1}. MegaAPI cannot reach it there: expose it with a tunnel.',
        port,
        where,
      ),
      {
        modal: true,
        detail: [
          commands.ngrok,
          commands.cloudflared,
          t("Or VS Code's Ports view: forward port {0} with visibility Public.", port),
          t('Then enter the public https:// address the tunnel gives you.'),
        ].join('\n'),
      },
      enter,
      ngrok,
      cloudflared,
    );
    if (choice === undefined) return undefined;
    if (choice === ngrok) await vscode.env.clipboard.writeText(commands.ngrok);
    if (choice === cloudflared) await vscode.env.clipboard.writeText(commands.cloudflared);
  }
  const answer = await vscode.window.showInputBox({
    title: t('Listen for the webhook events of {0}', instance.key),
    prompt: t(
      'The public address of your tunnel to 127.0.0.1:{0} (on {1}), for example from "{2}". Remembered on this machine only.',
      port,
      where,
      commands.ngrok,
    ),
    placeHolder: 'https://xxxx.ngrok-free.app',
    value: remembered,
    ignoreFocusOut: true,
    validateInput: (text) => problem(text, instance.baseUrl),
  });
  if (answer === undefined || problem(answer, instance.baseUrl) !== undefined) return undefined;
  const base = answer.trim();
  await context.globalState.update(PUBLIC_URL_KEY, base);
  return base;
}
