import { listGroupsEndpoint } from '../api/groups';
import { readWebhookEndpoint } from '../api/webhook';
import { hostOf } from '../core/baseUrl';
import { serverText } from '../core/serverText';
import { ToolDeps, ToolSpec, onSavedInstance } from './toolKit';
import { UNTRUSTED, onInstance } from './toolSchemas';
import { errorText, fromMegaApi } from './toolText';

/** A model can ask for every group; past this the answer says how many more there are. */
export const MAX_GROUPS = 100;

export function getWebhook(deps: ToolDeps): ToolSpec {
  const { t } = deps;
  return {
    description:
      'Reads the webhook configuration of a saved MegaAPI instance: the URL MegaAPI posts events to, whether it is enabled, and the secondary URL if any. It changes nothing.' +
      UNTRUSTED,
    inputSchema: onInstance(),
    progress: () => t('Reading the webhook…'),
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const result = await deps.calls.for(instance).call(readWebhookEndpoint(instance.key), signal);
        if (!result.ok) return errorText(result.error, instance, t);
        const hook = result.value;
        const where = t('{0} on {1}', instance.key, hostOf(instance.baseUrl));
        if (hook.url === '') return t('{0} has no webhook set.', where);
        const enabled = hook.enabled === undefined ? t('not reported') : hook.enabled ? t('enabled') : t('disabled');
        const lines = [
          t('Webhook of {0}:', where),
          `- ${t('URL: {0}', fromMegaApi(maskedUrl(hook.url), t, 300))}`,
          `- ${t('State: {0}', enabled)}`,
        ];
        if (hook.secondaryUrl) {
          lines.push(`- ${t('Secondary URL: {0}', fromMegaApi(maskedUrl(hook.secondaryUrl), t, 300))}`);
        }
        return lines.join('\n');
      }),
  };
}

/**
 * A webhook URL without what may be a secret: n8n, Make, Zapier and
 * Telegram-style URLs carry one in the path or the query, and a tool's answer
 * leaves the machine with the model's request. The host and the first path
 * segment are enough to tell which handler it is.
 */
export function maskedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.length > 12 ? `${raw.slice(0, 8)}…` : raw;
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const hidden = segments.length > 1 || url.search !== '' || url.hash !== '';
  return `${url.protocol}//${url.host}${segments[0] ? `/${segments[0]}` : ''}${hidden ? '/…' : ''}`;
}

export function listGroups(deps: ToolDeps): ToolSpec {
  const { t } = deps;
  return {
    description:
      'Lists the WhatsApp groups the phone linked to a saved MegaAPI instance belongs to: each group’s id (ending in @g.us, to send to), its subject and its number of participants.' +
      UNTRUSTED,
    inputSchema: onInstance(),
    progress: () => t('Listing the groups…'),
    run: (input, signal) =>
      onSavedInstance(input, deps, async (instance) => {
        const result = await deps.calls.for(instance).call(listGroupsEndpoint(instance.key), signal);
        if (!result.ok) return errorText(result.error, instance, t);
        const groups = result.value;
        const where = t('{0} on {1}', instance.key, hostOf(instance.baseUrl));
        if (groups.length === 0) return t('The phone linked to {0} is in no group.', where);
        const lines = groups.slice(0, MAX_GROUPS).map((group) => {
          const subject = serverText(group.subject, 100) ? fromMegaApi(group.subject, t, 100) : t('no subject');
          const size = group.participants === undefined ? '' : ` ${t('({0} participants)', group.participants)}`;
          // The id passed the parser's strict group-id pattern, so it is not free text.
          return `- ${group.id}: ${subject}${size}`;
        });
        if (groups.length > MAX_GROUPS) lines.push(`- ${t('and {0} more', groups.length - MAX_GROUPS)}`);
        return [t('Groups of {0} ({1}):', where, groups.length), ...lines].join('\n');
      }),
  };
}
