import { formatPairingCode } from '../core/pairingCode';
import { PairingPhase } from './phases';
import { describeError } from '../text/errorText';
import { phoneReason } from '../text/reasons';
import { Translate } from '../text/translate';
import { PairingContent, SECONDS } from './protocol';

/** The pairing-code section in words. */
export function toPairingContent(
  phase: PairingPhase,
  context: { host: string; key: string; t: Translate },
): PairingContent {
  const { t } = context;
  switch (phase.kind) {
    case 'idle':
      return { phase: 'idle', phone: phase.phone };
    case 'loading':
      return { phase: 'loading', phone: phase.phone, message: t('Asking MegaAPI for a pairing code…') };
    case 'code':
      return {
        phase: 'code',
        phone: phase.phone,
        code: formatPairingCode(phase.code),
        message: t(
          'On the phone: WhatsApp → Linked devices → Link a device → Link with phone number instead, then enter this code.',
        ),
        countdownTo: phase.expiresAt,
        countdownText: t('Code valid for {0} s', SECONDS),
      };
    case 'throttled':
      return {
        phase: phase.code ? 'code' : 'throttled',
        phone: phase.phone,
        code: phase.code ? formatPairingCode(phase.code) : undefined,
        message: t('WhatsApp limits pairing-code requests: one a minute per instance.'),
        countdownTo: phase.expiresAt,
        countdownText: phase.expiresAt ? t('Code valid for {0} s', SECONDS) : undefined,
        waitUntil: phase.until,
        waitText: t('New code in {0} s', SECONDS),
      };
    case 'invalid':
      return { phase: 'error', phone: phase.phone, message: phoneReason(phase.reason, t) };
    case 'error':
      return { phase: 'error', phone: phase.phone, message: describeError(phase.error, context, t).message };
  }
}
