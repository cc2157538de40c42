import { Translate } from '../text/translate';
import { WebhookUrlReason } from './webhookUrl';

/** Why the webhook URL box refuses what was typed, in words; exhaustive by type. */
export function webhookUrlReason(reason: WebhookUrlReason, t: Translate): string {
  const text: Record<WebhookUrlReason, string> = {
    empty: t('Enter the URL of your app that should receive the messages, for example https://example.com/megaapi.'),
    tooLong: t('That is too long to be a webhook URL.'),
    whitespace: t('A URL cannot contain spaces or control characters.'),
    invalid: t('That is not a valid URL.'),
    scheme: t('Enter a full URL that starts with https://.'),
    userInfo: t(
      'Do not put a user name or password in the URL; put a secret in its path or query instead (MegaAPI sends no authentication header).',
    ),
    fragment: t('Remove the # part: it is never sent to your app.'),
    thisMachine: t(
      'MegaAPI cannot reach this machine: for its servers, this address is the server itself. Use a public URL (a tunnel to this machine works).',
    ),
    privateNetwork: t('MegaAPI cannot reach a private network address. Use a public URL (a tunnel works).'),
    localName: t(
      'MegaAPI cannot reach that name: only a local network knows it (a name without dots, .local, .internal). Use a public URL (a tunnel works).',
    ),
    special: t(
      'No server can deliver to that address (multicast, reserved, benchmarking or documentation range). Use the public URL of your app.',
    ),
    insecure: t(
      'Use https://: MegaAPI sends your messages to this URL, and over http:// anyone on the way could read them. http:// is accepted only for a webhook on this machine, for local development (megaapi.allowInsecureHttp on and MegaAPI itself running here).',
    ),
  };
  return text[reason];
}
