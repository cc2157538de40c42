import { maskWebhookUrl, shortWebhookUrl } from './webhookUrl';
import { serverText } from '../core/serverText';
import { describeError, ErrorContext } from '../text/errorText';
import { Translate } from '../text/translate';
import { WebhookSetting } from './webhookMemory';
import { WebhookRead } from './webhookReads';

export interface WebhookLook {
  label: string;
  description: string;
  /** Plain lines, shown as a plain-text tooltip: the URL comes from the server. */
  tooltip: string[];
  icon: 'link' | 'circle-slash' | 'error' | 'question';
  iconColor?: 'errorForeground';
  /** For menus: `webhook.enabled`, `.disabled`, `.unknown`, `.none`, `.error`, plus `.restorable` when Restore has something to put back. */
  contextValue: string;
}

/**
 * How an instance's webhook looks in the sidebar. The URL is always masked
 * (its query may hold the receiver's secret) and passes `serverText`, since
 * it is whatever the server sent.
 */
export function describeWebhook(
  read: WebhookRead,
  restorable: boolean,
  context: ErrorContext,
  t: Translate,
): WebhookLook {
  const label = t('Webhook');
  const restore = restorable ? [t('The previous webhook is remembered: Restore Previous Webhook puts it back.')] : [];
  const contextValue = (state: string) => `webhook.${state}${restorable ? '.restorable' : ''}`;
  if (read.kind === 'error') {
    return {
      label,
      description: t('could not read'),
      tooltip: [describeError(read.error, context, t).message, t('Click to try again.'), ...restore],
      icon: 'error',
      iconColor: 'errorForeground',
      contextValue: contextValue('error'),
    };
  }
  const { url, enabled, secondaryUrl } = read.webhook;
  if (url === '') {
    return {
      label,
      description: t('not set'),
      tooltip: [t('No webhook URL is set: incoming messages are not delivered to any app.'), ...restore],
      icon: 'circle-slash',
      contextValue: contextValue('none'),
    };
  }
  const state = webhookStateText(enabled, t);
  return {
    label,
    description: `${serverText(shortWebhookUrl(url), 60)} · ${state}`,
    tooltip: [
      t('URL: {0}', serverText(maskWebhookUrl(url), 500)),
      t('State: {0}', state),
      ...(secondaryUrl ? [t('Secondary URL: {0}', serverText(maskWebhookUrl(secondaryUrl), 500))] : []),
      ...restore,
    ],
    icon: enabled === false ? 'circle-slash' : enabled === true ? 'link' : 'question',
    contextValue: contextValue(enabled === true ? 'enabled' : enabled === false ? 'disabled' : 'unknown'),
  };
}

/** The same words in the sidebar and in notifications. */
export function webhookStateText(enabled: boolean | undefined, t: Translate): string {
  return enabled === true ? t('enabled') : enabled === false ? t('disabled') : t('state unknown');
}

/** "https://example.com/hook?… (enabled)", masked and inert, for messages. */
export function shownSetting(setting: WebhookSetting, t: Translate): string {
  const url = setting.url === '' ? t('no URL') : serverText(maskWebhookUrl(setting.url), 300);
  return `${url} (${webhookStateText(setting.enabled, t)})`;
}
