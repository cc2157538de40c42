import vscode = require('vscode');
import { isOnWhatsAppEndpoint, sendTextEndpoint } from '../api/messages';
import { clockTime } from '../core/clockTime';
import { InstanceRef, sameInstance } from '../core/instanceRef';
import { logLine } from '../core/serverText';
import { FeedEvent } from '../instances/eventFeed';
import { pickSavedInstance } from '../prompts/whichInstance';
import { COMMANDS } from '../ui/commandIds';
import { Kit } from '../ui/kit';
import { commandAction, confirm, inProgress, offer } from '../ui/notify';
import { registerSafely } from '../ui/registerSafely';
import { eventCarries, runDeepCheck } from './deepCheck';
import { stepText, verdictText } from './deepCheckText';

/** How long the round trip waits for the event: MegaAPI usually posts within seconds. */
export const ROUND_TRIP_MS = 30_000;

/** `megaapi.deepCheck`: status, the own number asked of WhatsApp, then (when listened to) one event round trip. */
export function registerDeepCheck(context: vscode.ExtensionContext, kit: Kit): void {
  const t = vscode.l10n.t;
  registerSafely(context, kit.log, COMMANDS.deepCheck, async (arg?: unknown) => {
    const instance = await pickSavedInstance(arg, kit, t('Deep Check which instance?'));
    if (!instance) return;
    const { verdict, steps } = await inProgress(t('Deep Check of {0}…', instance.key), () =>
      runDeepCheck({
        now: () => Date.now(),
        status: () => kit.checks.one(instance),
        isOnWhatsApp: (digits) => kit.calls.for(instance).call(isOnWhatsAppEndpoint(instance.key, digits)),
        roundTrip: kit.feed.isListening(instance) ? (digits) => roundTrip(instance, digits, kit) : undefined,
      }),
    );
    const lines = steps.map((step) => stepText(step, t));
    kit.log.info(`Deep Check ${instance.key}: ${verdict}; ${logLine(lines.join('; '))}`);
    const message = `${verdictText(verdict, instance, t)} ${lines.join(' · ')}`;
    const showQr = commandAction(t('Show QR'), COMMANDS.showQr, instance);
    const restart = commandAction(t('Restart'), COMMANDS.restart, instance);
    switch (verdict) {
      case 'working':
        return offer('info', message, []);
      case 'silent':
        return offer('warning', message, [restart, showQr]);
      case 'notLinked':
        return offer('warning', message, [showQr]);
      case 'unknown':
        return offer('error', message, []);
    }
  });
}

/** Sends one message to the instance's own number and waits for the event carrying it; asks first. */
async function roundTrip(instance: InstanceRef, digits: string, kit: Kit) {
  const t = vscode.l10n.t;
  const asked = await confirm(
    t(
      'Deep Check sends one WhatsApp message from {0} to its own number, and waits for its event. Send it?',
      instance.key,
    ),
    t('Send'),
  );
  if (!asked) return undefined;
  const text = t('MegaAPI Deep Check at {0}', clockTime(Date.now(), vscode.env.language, 'seconds'));
  const seen: FeedEvent[] = [];
  let wake: (() => void) | undefined;
  // Listening before sending: the event can arrive before the reply to the send.
  const subscription = kit.feed.onDidChange((event) => {
    if (!event || !sameInstance(event.instance, instance)) return;
    seen.push(event);
    wake?.();
  });
  try {
    const sent = await kit.calls.for(instance).call(sendTextEndpoint(instance.key, digits, text));
    if (!sent.ok) return { sent, waitedMs: 0 };
    const carries = (event: FeedEvent) => eventCarries(event.json, sent.value.id, text);
    const started = Date.now();
    while (!seen.some(carries)) {
      const left = ROUND_TRIP_MS - (Date.now() - started);
      if (left <= 0) return { sent, arrived: false, waitedMs: ROUND_TRIP_MS };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return { sent, arrived: true, waitedMs: Date.now() - started };
  } finally {
    subscription.dispose();
  }
}
