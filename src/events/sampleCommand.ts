import vscode = require('vscode');
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { inProgress } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { askForwardTo, forwardSummary } from './eventCommands';
import { forwardTo } from './eventSettings';
import { forwardBody } from './forward';
import { Listening } from './listening';
import { SAMPLE_KINDS, SampleKind, sampleEvent } from './samples';

function kindLabel(kind: SampleKind): string {
  const t = vscode.l10n.t;
  switch (kind) {
    case 'text':
      return t('Text received');
    case 'image':
      return t('Image received');
    case 'location':
      return t('Location received');
    case 'ack2':
      return t('Ack 2: sent');
    case 'ack3':
      return t('Ack 3: delivered');
    case 'ack4':
      return t('Ack 4: read');
    case 'connection':
      return t('Connection update');
  }
}

/** Send Sample Event: a synthetic MegaAPI-shaped event to the handler, so no second phone is needed. */
export function registerSampleCommand(context: vscode.ExtensionContext, kit: Kit, listening: Listening): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.sendSampleEvent, async (arg?: unknown) => {
    const given = SAMPLE_KINDS.find((k) => k === arg);
    const kind =
      given ??
      (
        await vscode.window.showQuickPick(
          SAMPLE_KINDS.map((k) => ({ label: kindLabel(k), sample: k })),
          { title: t('Send which sample event to your handler?'), ignoreFocusOut: true },
        )
      )?.sample;
    if (!kind) return;
    const url = forwardTo() || (await askForwardTo());
    if (!url) return;
    const instance = listening.all()[0]?.instance ?? kit.instances.all()[0];
    const status = instance ? kit.instances.status(instance) : undefined;
    const jid = status?.kind === 'connected' ? (status.status.user?.id ?? '') : '';
    const event = sampleEvent(kind, {
      instanceKey: instance?.key ?? 'megastart-sample',
      jid: jid || '5511999999999@s.whatsapp.net',
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    const body = Buffer.from(JSON.stringify(event));
    const outcome = await inProgress(t('Sending a sample event to your handler…'), () =>
      forwardBody(url, body, 'application/json'),
    );
    await vscode.window.showInformationMessage(forwardSummary(outcome));
  });
}
