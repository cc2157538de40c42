import { isGroupJid } from '../api/groups';
import { hostOf } from '../core/baseUrl';
import { InstanceRef } from '../core/instanceRef';
import { Translate } from '../text/translate';
import { CallId, PLACEHOLDERS, SnippetValues } from './snippetCalls';
import { SnippetWords } from './templates/template';

export function callLabel(call: CallId, t: Translate): string {
  switch (call) {
    case 'status':
      return t('Instance status');
    case 'qr':
      return t('QR code (base64)');
    case 'pairingCode':
      return t('Pairing code');
    case 'sendText':
      return t('Send a text message');
    case 'isOnWhatsApp':
      return t('Is a number on WhatsApp?');
    case 'readWebhook':
      return t('Read the webhook');
    case 'setWebhook':
      return t('Set the webhook');
    case 'listGroups':
      return t('List groups');
    case 'groupDetails':
      return t('Group details');
    case 'logout':
      return t('Log out (unlink the phone)');
    case 'restart':
      return t('Restart the instance');
  }
}

export function snippetWords(instance: InstanceRef, call: CallId | undefined, t: Translate): SnippetWords {
  const host = hostOf(instance.baseUrl);
  return {
    title: call
      ? t('MegaAPI: {0}, instance {1} on {2}', callLabel(call, t), instance.key, host)
      : t('MegaAPI: every call of instance {0} on {1}', instance.key, host),
    tokenHelp: t(
      "The token is read from the environment variable MEGAAPI_TOKEN, never written here. Set it first: export MEGAAPI_TOKEN='your token' (PowerShell: $env:MEGAAPI_TOKEN = 'your token').",
    ),
    httpTokenHelp: t(
      "The token is read from the environment variable MEGAAPI_TOKEN, never written here: set it (export MEGAAPI_TOKEN='your token') in the shell VS Code is started from, then start VS Code again.",
    ),
    n8nTokenHelp: t(
      'The token is read from the environment variable MEGAAPI_TOKEN of the n8n server, never written here. Where n8n blocks $env, use a Bearer Auth credential instead of the Authorization header.',
    ),
  };
}

const DIGITS = /^\d{6,15}$/;

/** The last destination typed (Send Test Message, Is This Number on WhatsApp?) where it fits, placeholders elsewhere. */
export function snippetValues(lastRecipient: string | undefined): SnippetValues {
  const person = lastRecipient !== undefined && DIGITS.test(lastRecipient) ? lastRecipient : undefined;
  const group = isGroupJid(lastRecipient) ? lastRecipient : undefined;
  return {
    ...PLACEHOLDERS,
    to: person ?? group ?? PLACEHOLDERS.to,
    phone: person ?? PLACEHOLDERS.phone,
    groupJid: group ?? PLACEHOLDERS.groupJid,
  };
}
