import vscode = require('vscode');
import { sendTextEndpoint } from '../api/messages';
import { callKeepingReply } from '../api/rawReply';
import { readWebhookEndpoint } from '../api/webhook';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { serverText } from '../core/serverText';
import { pickSavedInstance } from '../prompts/whichInstance';
import { linkedAccount } from '../text/account';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { commandAction, confirm, inProgress, offer, showCallError, showReplyAction } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { Timeline, UrlFlag, firstArrival, noteEvent, urlFlags } from './deliveryTimeline';
import { forwardBody } from './forward';
import { proveSession } from './listenCommands';
import { Listening, Session } from './listening';
import { maskTapUrl } from './publicAddress';
import { sampleEvent } from './samples';
import { tapPresent } from './tapPlan';

/** How long MegaAPI gets to deliver the echo and the acks; WhatsApp's read can take longer, and is then shown as not yet. */
const WAIT_MS = 30_000;
const COMMAND = COMMANDS.proveDelivery;

export function registerProveDelivery(context: vscode.ExtensionContext, kit: Kit, listening: Listening): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMAND, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Prove the webhook delivery of which instance?'));
    if (!instance) return;
    const session = listening.get(instance);
    if (session?.record) await proveListening(session, kit, listening);
    else await checkConfiguredUrl(instance, kit);
  });
}

async function proveListening(session: Session, kit: Kit, listening: Listening): Promise<void> {
  const t = vscode.l10n.t;
  const instance = session.instance;
  if (kit.instances.status(instance)?.kind !== 'connected') await kit.checks.one(instance);
  const entry = kit.instances.status(instance);
  if (entry?.kind !== 'connected') {
    await offer('warning', t('Delivery cannot be proved: {0} is not connected to WhatsApp.', instance.key), [
      commandAction(t('Show QR'), COMMANDS.showQr, instance),
    ]);
    return;
  }
  const own = (entry.status.user?.id ?? '').replace(/[:@].*$/, '');
  const to = await vscode.window.showInputBox({
    title: t('Prove the webhook delivery of {0}', instance.key),
    prompt: t('Send a test message to: digits with country code (your own number works).'),
    value: own,
    ignoreFocusOut: true,
    validateInput: (text) =>
      /^\d{10,15}$/.test(text.trim()) ? undefined : t('Digits only, with country code: 10 to 15 of them.'),
  });
  if (!to || !/^\d{10,15}$/.test(to.trim())) return;
  const text = t('Delivery test from MegaAPI for VS Code: instance {0}.', instance.key);
  const detail = [
    t('From: instance {0} on {1}', instance.key, hostOf(instance.baseUrl)),
    t('Linked account: {0}', linkedAccount(entry.status.user) || '-'),
    t('To: {0}', to.trim()),
    t('Text: {0}', text),
  ].join('\n');
  if (!(await confirm(t('Send a real WhatsApp message to {0}?', to.trim()), t('Send'), detail))) return;

  const timeline: Timeline = { sentAt: Date.now() };
  let id: string | undefined;
  const early: Array<Parameters<typeof noteEvent>[2]> = [];
  let settle: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (settle = resolve));
  const subscription = kit.feed.onDidChange((event) => {
    if (!event || event.instance.key !== instance.key || event.instance.baseUrl !== instance.baseUrl) return;
    if (id === undefined) return void early.push(event);
    if (noteEvent(timeline, id, event) && timeline.readAt !== undefined) settle();
  });
  try {
    const { result, reply } = await inProgress(
      t('Sending a test message from {0}…', instance.key),
      () => callKeepingReply(kit.calls.for(instance), sendTextEndpoint(instance.key, to.trim(), text)),
      'change',
    );
    if (!result.ok) return await showCallError(result.error, reply, instance, COMMAND, kit);
    timeline.acceptedAt = Date.now();
    id = result.value.id;
    if (!id) {
      await offer(
        'warning',
        t('MegaAPI accepted the message but its reply has no message id, so its events cannot be told apart.'),
        showReplyAction(instance, reply, kit),
      );
      return;
    }
    for (const event of early) noteEvent(timeline, id, event);
    const timer = setTimeout(settle, WAIT_MS);
    await inProgress(t('Waiting for the events of message {0}…', serverText(id, 60)), () => done);
    clearTimeout(timer);
  } finally {
    subscription.dispose();
  }
  const line = timelineText(timeline);
  if (firstArrival(timeline) !== undefined) {
    void vscode.window.showInformationMessage(t('Delivery proved: {0}', line));
    return;
  }
  const hop = await failedHop(session, kit, listening);
  void vscode.window.showWarningMessage(t('No event arrived for the test message: {0} ({1})', hop, line));
}

function timelineText(timeline: Timeline): string {
  const t = vscode.l10n.t;
  const since = (at: number | undefined) => (at === undefined ? t('not yet') : `${at - timeline.sentAt} ms`);
  return [
    t('sent'),
    t('MegaAPI accepted ({0})', since(timeline.acceptedAt)),
    t('event received ({0})', since(firstArrival(timeline))),
    t('delivered ({0})', since(timeline.deliveredAt)),
    t('read ({0})', since(timeline.readAt)),
  ].join(' → ');
}

/** Which hop failed, checked from the instance outwards. */
async function failedHop(session: Session, kit: Kit, listening: Listening): Promise<string> {
  const t = vscode.l10n.t;
  const instance = session.instance;
  await kit.checks.one(instance);
  if (kit.instances.status(instance)?.kind !== 'connected') return t('the instance is not connected.');
  const read = await callKeepingReply(kit.calls.for(instance), readWebhookEndpoint(instance.key));
  if (read.result.ok && session.record && !tapPresent(read.result.value.fields, session.record)) {
    return t('the webhook no longer carries the tap: it was disabled or its URL differs.');
  }
  if (session.tapUrl) {
    const proof = await proveSession(listening, session.tapUrl);
    if (!proof.ok) return t('the tunnel is down: {0} does not reach this receiver.', maskTapUrl(session.tapUrl));
  }
  return t('MegaAPI sent nothing within {0} s.', WAIT_MS / 1000);
}

function flagText(flag: UrlFlag): string {
  const t = vscode.l10n.t;
  switch (flag) {
    case 'empty':
      return t('No webhook URL is set.');
    case 'disabled':
      return t('The webhook is disabled.');
    case 'invalid':
      return t('The webhook URL is not a valid URL.');
    case 'n8nTest':
      return t(
        "It is an n8n test URL (/webhook-test/): it works only while n8n's editor listens. Use the production URL.",
      );
    case 'thisMachine':
      return t('It points at localhost: MegaAPI cannot reach it.');
    case 'privateNetwork':
      return t('It points at a private network address: MegaAPI cannot reach it.');
    case 'plainHttp':
      return t('It uses plain http://: messages travel unencrypted.');
  }
}

/** Not listening: what the configured URL looks like, and how it answers a sample POST. */
async function checkConfiguredUrl(instance: InstanceRef, kit: Kit): Promise<void> {
  const t = vscode.l10n.t;
  const { result, reply } = await inProgress(t('Reading the webhook of {0}…', instance.key), () =>
    callKeepingReply(kit.calls.for(instance), readWebhookEndpoint(instance.key)),
  );
  if (!result.ok) return showCallError(result.error, reply, instance, COMMAND, kit);
  const { url, enabled } = result.value;
  const flags = urlFlags(url, enabled).map(flagText);
  const shownUrl = serverText(url.replace(/\?.*$/, '?…'), 200);
  const lines = [...flags];
  if (url !== '') {
    const probe = t('Send a Sample Event');
    const choice = await vscode.window.showWarningMessage(
      t('Probe the webhook of {0} with a sample event?', instance.key),
      {
        modal: true,
        detail: t(
          'A synthetic "text received" event is POSTed to {0}. Your app will see it as a message (it is marked megaapiVscodeSample).',
          shownUrl,
        ),
      },
      probe,
    );
    if (choice === probe) {
      const body = Buffer.from(
        JSON.stringify(
          sampleEvent('text', { instanceKey: instance.key, jid: '', nowSeconds: Math.floor(Date.now() / 1000) }),
        ),
      );
      const outcome = await inProgress(t('Probing {0}…', shownUrl), () => forwardBody(url, body, 'application/json'));
      lines.push(
        outcome.status !== undefined
          ? t('The URL answered HTTP {0} in {1} ms.', outcome.status, outcome.ms)
          : t('The URL did not answer ({0}, after {1} ms).', serverText(outcome.failure ?? '?', 30), outcome.ms),
      );
    }
  }
  lines.push(t("MegaAPI's side cannot be seen without listening: Listen for Webhook Events proves the whole path."));
  await offer(flags.length > 0 ? 'warning' : 'info', `${shownUrl || '-'}: ${lines.join(' ')}`, [
    commandAction(t('Listen for Webhook Events'), COMMANDS.listenEvents, instance),
  ]);
}
