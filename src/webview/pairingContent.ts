import { formatPairingCode } from '../core/pairingCode';
import { PairingView } from '../session/pairing';
import { describeError } from '../ui/errorText';
import { phoneReason } from '../ui/reasons';
import { Translate } from '../ui/translate';
import { PairingPanelState, SECONDS } from './messages';

/** The pairing-code section in words. */
export function toPairingState(view: PairingView, context: { host: string; key: string; t: Translate }): PairingPanelState {
  const { t } = context;
  switch (view.kind) {
    case 'idle':
      return { state: 'idle', phone: view.phone };
    case 'loading':
      return { state: 'loading', phone: view.phone, message: t('Asking MegaAPI for a pairing code…') };
    case 'code':
      return {
        state: 'code',
        phone: view.phone,
        code: formatPairingCode(view.code),
        message: t('On the phone: WhatsApp → Linked devices → Link a device → Link with phone number instead, then enter this code.'),
        countdownTo: view.expiresAt,
        countdownText: t('Code valid for {0} s', SECONDS),
      };
    case 'throttled':
      return {
        state: view.code ? 'code' : 'throttled',
        phone: view.phone,
        code: view.code ? formatPairingCode(view.code) : undefined,
        message: t('WhatsApp limits pairing-code requests: one a minute per instance.'),
        countdownTo: view.expiresAt,
        countdownText: view.expiresAt ? t('Code valid for {0} s', SECONDS) : undefined,
        waitUntil: view.until,
        waitText: t('New code in {0} s', SECONDS),
      };
    case 'invalid':
      return { state: 'error', phone: view.phone, message: phoneReason(view.reason, t) };
    case 'error':
      return { state: 'error', phone: view.phone, message: describeError(view.error, context, t).message };
  }
}
