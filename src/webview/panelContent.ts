import { InstanceStatus } from '../api/responses';
import { formatPhoneNumber, phoneFromJid } from '../core/phoneNumber';
import { SessionView } from '../session/view';
import { PanelAction } from '../ui/actions';
import { describeError } from '../ui/errorText';
import { Translate } from '../ui/translate';
import { PairingView } from '../session/pairing';
import { SECONDS, WebviewState } from './messages';
import { toPairingState } from './pairingModel';

export interface ViewContext {
  host: string;
  key: string;
  formatTime(epochMs: number): string;
  t: Translate;
}

/** Turns the session's state (and the pairing section's) into what the panel shows, in words. */
export function toWebviewState(view: SessionView, pairing: PairingView, context: ViewContext): WebviewState {
  return { ...qrState(view, context), pairing: toPairingState(pairing, context) };
}

function qrState(view: SessionView, context: ViewContext): Omit<WebviewState, 'pairing'> {
  const { t } = context;
  const action = (id: PanelAction, primary = false) => ({ id, label: actionLabel(id, t), primary });
  switch (view.kind) {
    case 'loading':
      return { state: 'loading', headline: t('Fetching the QR code…'), actions: [] };
    case 'qr': {
      const fetched = t('Fetched at {0}', context.formatTime(view.qr.fetchedAt));
      if (view.stale) {
        const problem = view.error ? describeError(view.error, context, t).message : '';
        return {
          state: 'qr',
          headline: t('This QR code may have expired'),
          message: problem,
          image: view.qr.dataUri,
          imageAlt: t('WhatsApp QR code for {0} (may have expired)', context.key),
          fetchedAt: fetched,
          stale: true,
          countdownTo: view.retryAt,
          countdownText: view.retryAt ? t('Trying again in {0} s', SECONDS) : undefined,
          actions: [action('retry', true)],
        };
      }
      return {
        state: 'qr',
        headline: t('Scan with WhatsApp on your phone'),
        message: t('WhatsApp → Settings → Linked devices → Link a device.'),
        image: view.qr.dataUri,
        imageAlt: t('WhatsApp QR code for {0}', context.key),
        fetchedAt: fetched,
        countdownTo: view.nextRefreshAt ?? view.expiresAt,
        countdownText: view.nextRefreshAt ? t('New QR in {0} s', SECONDS) : t('Expires in {0} s', SECONDS),
        actions: [action('copyQr'), action('saveQr')],
      };
    }
    case 'waiting':
      return {
        state: 'waiting',
        headline: t('Waiting for the QR code'),
        message: t('The instance has no QR code ready yet.'),
        countdownTo: view.retryAt,
        countdownText: t('Trying again in {0} s', SECONDS),
        actions: [],
        tips: view.failures >= 3 ? tips(t) : undefined,
      };
    case 'checking':
      return { state: 'checking', headline: t('Checking the connection…'), actions: [] };
    case 'connected':
      return { state: 'connected', headline: t('Connected'), message: connectedText(view.status, context), actions: [] };
    case 'error': {
      const text = describeError(view.error, context, t);
      return {
        state: 'error',
        headline: t('Could not get the QR code'),
        message: text.message,
        countdownTo: view.retryAt,
        countdownText: view.retryAt ? t('Trying again in {0} s', SECONDS) : undefined,
        actions: text.actions.map((id, index) => action(id, index === 0)),
        tips: view.failures >= 3 ? tips(t) : undefined,
      };
    }
    case 'expired':
      return {
        state: 'expired',
        headline: view.checking ? t('QR code expired: checking the connection…') : t('QR code expired'),
        message: t('WhatsApp ends a linking attempt after a few codes. Generate a new QR code when you are ready to scan.'),
        image: view.qr?.dataUri,
        imageAlt: t('Expired QR code (do not scan)'),
        actions: [action('generate', true), action('restart')],
        tips: tips(t),
      };
  }
}

function connectedText(status: InstanceStatus | undefined, context: ViewContext): string {
  const { t, key } = context;
  const user = status?.user;
  if (!user) return t('Instance {0} is linked to WhatsApp.', key);
  const phone = phoneFromJid(user.id);
  const who = [user.verifiedName ?? user.name, phone ? formatPhoneNumber(phone) : user.id].filter(Boolean).join(' · ');
  return t('Instance {0} is linked to {1}.', key, who);
}

function tips(t: Translate): string[] {
  return [
    t('Update WhatsApp on the phone to its latest version.'),
    t('If the phone says it could not link the device, try again in a minute or restart the instance.'),
    t('Keep the phone close to the screen and the QR code fully visible.'),
  ];
}

export function actionLabel(id: PanelAction, t: Translate): string {
  switch (id) {
    case 'refresh':
      return t('Refresh');
    case 'retry':
      return t('Retry');
    case 'setToken':
      return t('Set Token');
    case 'editKey':
      return t('Change Instance Key');
    case 'editBaseUrl':
      return t('Change Host');
    case 'generate':
      return t('Generate new QR');
    case 'showLog':
      return t('Show Log');
    case 'copyQr':
      return t('Copy QR Image');
    case 'saveQr':
      return t('Save QR as PNG…');
    case 'copyPairingCode':
      return t('Copy Code');
    case 'restart':
      return t('Restart Instance');
  }
}
