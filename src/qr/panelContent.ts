import { InstanceStatus } from '../api/replies';
import { serverText } from '../core/serverText';
import { PairingPhase, QrPhase } from './phases';
import { linkedAccount } from '../text/account';
import { describeError } from '../text/errorText';
import { Translate } from '../text/translate';
import { PanelContent, SECONDS } from './protocol';
import { toPairingContent } from './pairingContent';
import { PanelAction, panelButton } from './panelActions';

export interface ContentContext {
  host: string;
  key: string;
  formatTime(epochMs: number): string;
  t: Translate;
}

/** Turns the session's phase (and the pairing section's) into what the panel shows, in words. */
export function toPanelContent(phase: QrPhase, pairing: PairingPhase, context: ContentContext): PanelContent {
  return { ...qrContent(phase, context), pairing: toPairingContent(pairing, context) };
}

function qrContent(phase: QrPhase, context: ContentContext): Omit<PanelContent, 'pairing'> {
  const { t } = context;
  const button = (id: PanelAction, primary = false) => panelButton(id, t, primary);
  switch (phase.kind) {
    case 'loading':
      return { phase: 'loading', headline: t('Fetching the QR code…'), actions: [] };
    case 'qr': {
      const fetched = t('Fetched at {0}', context.formatTime(phase.qr.fetchedAt));
      if (phase.stale) {
        const problem = phase.error ? describeError(phase.error, context, t).message : '';
        return {
          phase: 'qr',
          headline: t('This QR code may have expired'),
          message: problem,
          image: phase.qr.image.dataUri,
          imageAlt: t('WhatsApp QR code for {0} (may have expired)', context.key),
          fetchedAt: fetched,
          stale: true,
          countdownTo: phase.retryAt,
          countdownText: phase.retryAt ? t('Trying again in {0} s', SECONDS) : undefined,
          actions: [button('retry', true)],
        };
      }
      return {
        phase: 'qr',
        headline: t('Scan with WhatsApp on your phone'),
        message: t('WhatsApp → Settings → Linked devices → Link a device.'),
        image: phase.qr.image.dataUri,
        imageAlt: t('WhatsApp QR code for {0}', context.key),
        fetchedAt: fetched,
        countdownTo: phase.nextRefreshAt ?? phase.expiresAt,
        countdownText: phase.nextRefreshAt ? t('New QR in {0} s', SECONDS) : t('Expires in {0} s', SECONDS),
        actions: [button('copyQr'), button('saveQr'), button('copyLink')],
      };
    }
    case 'waiting':
      return {
        phase: 'waiting',
        headline: t('Waiting for the QR code'),
        message: t('The instance has no QR code ready yet.'),
        countdownTo: phase.retryAt,
        countdownText: t('Trying again in {0} s', SECONDS),
        actions: [],
        tips: phase.failures >= 3 ? tips(t) : undefined,
      };
    case 'checking':
      return { phase: 'checking', headline: t('Checking the connection…'), actions: [] };
    case 'connected':
      return {
        phase: 'connected',
        headline: t('Connected'),
        message: connectedText(phase.status, context),
        // Scan, linked, test message: the proof that it works is one click away.
        actions: [button('sendTestMessage', true)],
      };
    case 'error': {
      const text = describeError(phase.error, context, t);
      return {
        phase: 'error',
        headline: t('Could not get the QR code'),
        message: text.message,
        countdownTo: phase.retryAt,
        countdownText: phase.retryAt ? t('Trying again in {0} s', SECONDS) : undefined,
        actions: text.actions.map((id, index) => button(id, index === 0)),
        tips: phase.failures >= 3 ? tips(t) : undefined,
      };
    }
    case 'expired':
      return {
        phase: 'expired',
        headline: phase.checking ? t('QR code expired: checking the connection…') : t('QR code expired'),
        message:
          phase.loggedInButStatus !== undefined
            ? t(
                'MegaAPI kept answering that the instance is already logged in, but its status stayed "{0}". Restart the instance, or generate a new QR code.',
                serverText(phase.loggedInButStatus, 60),
              )
            : t(
                'WhatsApp ends a linking attempt after a few codes. Generate a new QR code when you are ready to scan.',
              ),
        image: phase.qr?.image.dataUri,
        imageAlt: t('Expired QR code (do not scan)'),
        actions: [button('generate', true), button('restart')],
        tips: tips(t),
      };
  }
}

function connectedText(status: InstanceStatus | undefined, context: ContentContext): string {
  const { t, key } = context;
  const who = linkedAccount(status?.user);
  return who ? t('Instance {0} is linked to {1}.', key, who) : t('Instance {0} is linked to WhatsApp.', key);
}

function tips(t: Translate): string[] {
  return [
    t('Update WhatsApp on the phone to its latest version.'),
    t('If the phone says it could not link the device, try again in a minute or restart the instance.'),
    t('Keep the phone close to the screen and the QR code fully visible.'),
  ];
}
