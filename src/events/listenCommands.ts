import vscode = require('vscode');
import { ApiError } from '../api/errors';
import { RawReply } from '../api/rawReply';
import { InstanceRef } from '../core/instanceRef';
import { logLine, serverText } from '../core/serverText';
import { pickSavedInstance, carriedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { commandAction, inProgress, offer, showCallError, showReplyAction } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { eventsPort } from './eventSettings';
import { Listening, Session } from './listening';
import { UrlProblem, askPublicUrl, maskTapUrl, tapUrlOf } from './publicAddress';
import { UndoOutcome } from './tap';
import { TapMemory } from './tapMemory';
import { TapMode, TapRecord } from './tapPlan';
import { TunnelProof, newNonce, proveTunnel } from './tunnel';

/** The receiver's port, starting it on the first Listen; undefined after saying why it could not start. */
async function receiverPort(listening: Listening, kit: Kit): Promise<number | undefined> {
  const port = eventsPort();
  try {
    return await listening.receiverStart(port);
  } catch (thrown) {
    const code = String((thrown as NodeJS.ErrnoException)?.code ?? thrown);
    kit.log.warn(logLine(`Events receiver could not listen on 127.0.0.1:${port}: ${code}`));
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'The events receiver could not listen on 127.0.0.1:{0} ({1}). Choose another port in the setting megaapi.events.port (0 picks a free one).',
        port,
        serverText(code, 40),
      ),
    );
    return undefined;
  }
}

/** Proves the public URL reaches this receiver; names the failing hop otherwise. */
export async function proveSession(listening: Listening, tapUrl: string): Promise<TunnelProof> {
  const nonce = newNonce();
  const arrived = listening.expectNonce(nonce);
  try {
    return await proveTunnel(tapUrl, nonce, arrived);
  } finally {
    listening.dropNonce(nonce);
  }
}

export function tunnelProblem(proof: TunnelProof, publicUrl: string): string {
  const t = vscode.l10n.t;
  const shown = serverText(publicUrl, 200);
  if (proof.ok) return '';
  switch (proof.hop) {
    case 'nothingAnswers':
      return t('Nothing answers at {0} ({1}): is the tunnel running?', shown, serverText(proof.failure, 40));
    case 'notThisReceiver':
      return t(
        'Something answers at {0} (HTTP {1}), but it is not this receiver: check that the tunnel points at the port shown.',
        shown,
        proof.status,
      );
    case 'noAnswer':
      return t('No answer from {0} within 10 s.', shown);
  }
}

export function registerListenCommands(
  context: vscode.ExtensionContext,
  kit: Kit,
  listening: Listening,
  memory: TapMemory,
  urlProblem: UrlProblem,
): void {
  const t = vscode.l10n.t;

  registerSafely(context, kit.log, COMMANDS.listenEvents, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Listen for the webhook events of which instance?'));
    if (!instance) return;
    if (listening.get(instance)?.record) {
      void vscode.window.showInformationMessage(t('Already listening for the webhook events of {0}.', instance.key));
      return;
    }
    const port = await receiverPort(listening, kit);
    if (port === undefined) return;
    const session = listening.open(instance);
    const started = await startTap(context, kit, listening, session, port, urlProblem);
    if (!started) listening.close(session);
  });

  registerSafely(context, kit.log, COMMANDS.stopListening, async (arg?: unknown) => {
    const one =
      carriedInstance(arg) ?? (typeof arg === 'string' ? kit.instances.all().find((i) => i.key === arg) : undefined);
    const targets = one ? [one] : listening.all().map((s) => s.instance);
    const remembered = one ? [] : (await memory.all()).map((r) => r.instance);
    const all = [
      ...targets,
      ...remembered.filter((r) => !targets.some((i) => i.key === r.key && i.baseUrl === r.baseUrl)),
    ];
    if (all.length === 0) {
      void vscode.window.showInformationMessage(t('No instance is listening for webhook events.'));
      return;
    }
    for (const instance of all) {
      const outcome = await inProgress(
        t('Stopping and putting back the webhook of {0}…', instance.key),
        () => listening.stop(instance),
        'change',
      );
      await tellUndo(instance, outcome, kit);
    }
  });

  registerSafely(context, kit.log, COMMANDS.refreshEvents, async () => {
    await listening.recheckAll();
  });
}

async function startTap(
  context: vscode.ExtensionContext,
  kit: Kit,
  listening: Listening,
  session: Session,
  port: number,
  urlProblem: UrlProblem,
): Promise<boolean> {
  const t = vscode.l10n.t;
  const instance = session.instance;
  const publicUrl = await askPublicUrl(context, instance, port, urlProblem);
  if (!publicUrl) return false;
  const tapUrl = tapUrlOf(publicUrl, session.open.path);
  const proof = await inProgress(t('Checking that {0} reaches this receiver…', serverText(publicUrl, 200)), () =>
    proveSession(listening, tapUrl),
  );
  if (!proof.ok) {
    const again = commandAction(t('Try Again'), COMMANDS.listenEvents, instance);
    await offer('error', t('The tunnel does not reach this receiver yet. {0}', tunnelProblem(proof, publicUrl)), [
      again,
    ]);
    return false;
  }
  const mode = await askMode(instance, tapUrl);
  if (!mode) return false;
  const outcome = await inProgress(
    t('Adding the events tap to the webhook of {0}…', instance.key),
    () => listening.tap(session, mode, tapUrl),
    'change',
  );
  if (outcome.kind === 'failed') {
    await showCallError(outcome.error, outcome.reply, instance, COMMANDS.listenEvents, kit);
    return false;
  }
  kit.log.info(logLine(`Events tap ${instance.key}: ${mode} -> ${maskTapUrl(tapUrl)}`));
  if (outcome.kind === 'unconfirmed') {
    const primary = mode === 'secondary' ? [primaryInstead(listening, session, publicUrl, kit)] : [];
    await offer(
      'warning',
      t(
        'MegaAPI accepted the tap, but the webhook of {0} does not read back with it: this host may not support a secondary URL. Listening goes on; Stop Listening puts everything back.',
        instance.key,
      ),
      [...primary, ...showReplyAction(instance, outcome.reply, kit)],
    );
    return true;
  }
  void vscode.commands.executeCommand('megaapi.events.focus').then(undefined, () => undefined);
  void vscode.window.showInformationMessage(
    mode === 'secondary'
      ? t(
          'Listening for the webhook events of {0} through its secondary URL: your app keeps receiving on the primary one.',
          instance.key,
        )
      : t(
          'Listening for the webhook events of {0} through its primary URL. Stop Listening puts it back.',
          instance.key,
        ),
  );
  return true;
}

function primaryInstead(listening: Listening, session: Session, publicUrl: string, kit: Kit) {
  const t = vscode.l10n.t;
  return {
    label: t('Use Primary URL Instead'),
    run: () =>
      void (async () => {
        const undone = await listening.stop(session.instance);
        if (undone && undone.kind !== 'restored') return tellUndo(session.instance, undone, kit);
        const again = listening.open(session.instance);
        const outcome = await listening.tap(again, 'primary', tapUrlOf(publicUrl, again.open.path));
        if (outcome.kind === 'failed') {
          await showCallError(outcome.error, outcome.reply, session.instance, COMMANDS.listenEvents, kit);
        }
      })(),
  };
}

/** A tap rewrites the customer's webhook configuration, so it asks, naming what changes and what stays. */
async function askMode(instance: InstanceRef, tapUrl: string): Promise<TapMode | undefined> {
  const t = vscode.l10n.t;
  const secondary = t('Listen');
  const primary = t('Use Primary URL Instead');
  const choice = await vscode.window.showWarningMessage(
    t('Add an events tap to the webhook of {0}?', instance.key),
    {
      modal: true,
      detail: [
        t('MegaAPI will also send its events to {0} (the secondary webhook URL, enabled).', maskTapUrl(tapUrl)),
        t('The primary URL and every other field stay as they are, so your app keeps receiving.'),
        t('Stop Listening puts back exactly what was there before.'),
      ].join('\n'),
    },
    secondary,
    primary,
  );
  return choice === secondary ? 'secondary' : choice === primary ? 'primary' : undefined;
}

export async function tellUndo(instance: InstanceRef, outcome: UndoOutcome | undefined, kit: Kit): Promise<void> {
  const t = vscode.l10n.t;
  if (!outcome) {
    void vscode.window.showInformationMessage(
      t('Stopped listening to {0}; its webhook was not changed.', instance.key),
    );
    return;
  }
  if (outcome.kind === 'restored') {
    const elsewhere = outcome.plan.changedElsewhere;
    void vscode.window.showInformationMessage(
      elsewhere.length === 0
        ? t('Stopped listening to {0}: its webhook is back as it was.', instance.key)
        : t(
            'Stopped listening to {0}. Left as they are, because they were changed elsewhere meanwhile: {1}.',
            instance.key,
            elsewhere.join(', '),
          ),
    );
    return;
  }
  const retry = commandAction(t('Try Again'), COMMANDS.stopListening, instance);
  if (outcome.kind === 'differs') {
    await offer(
      'warning',
      t(
        'The webhook of {0} does not read back as it was for: {1}. It is remembered: try again.',
        instance.key,
        outcome.fields.join(', '),
      ),
      [retry, ...showReplyAction(instance, outcome.reply, kit)],
    );
    return;
  }
  await tellFailure(instance, outcome.error, outcome.reply, kit, [retry]);
}

async function tellFailure(
  instance: InstanceRef,
  error: ApiError | undefined,
  reply: RawReply | undefined,
  kit: Kit,
  actions: Array<{ label: string; run(): void }>,
): Promise<void> {
  const t = vscode.l10n.t;
  if (error) kit.log.warn(logLine(`Events restore ${instance.key} failed: ${error.kind}`));
  await offer(
    'error',
    t(
      'The webhook of {0} could not be put back yet; it is remembered on this machine, so you can try again.',
      instance.key,
    ),
    [...actions, ...showReplyAction(instance, reply, kit)],
  );
}

/** A window closed while listening left a tap: offer to put the webhook back. */
/** After a start: what VS Code left tapped when it closed while listening, offered back one by one. */
export async function offerLeftOverTaps(memory: TapMemory, listening: Listening, kit: Kit): Promise<void> {
  const t = vscode.l10n.t;
  const left: TapRecord[] = await memory.all();
  for (const record of left) {
    if (listening.get(record.instance)) continue;
    const restore = t('Restore Webhook');
    const forget = t('Forget');
    const choice = await vscode.window.showWarningMessage(
      t(
        'VS Code closed while listening for the webhook events of {0}: its webhook still sends events to a tunnel to this machine. Put back what was there before?',
        record.instance.key,
      ),
      restore,
      forget,
    );
    if (choice === forget) await memory.forget(record.instance);
    if (choice !== restore) continue;
    const outcome = await listening.stop(record.instance);
    await tellUndo(record.instance, outcome, kit);
  }
}
