import { ApiError, BadPayloadReason } from '../api/errors';
import { serverText } from '../core/serverText';
import { Translate } from './translate';

/** What fixes an error; the panel shows these as buttons, notifications as actions. */
export type FixAction = 'setToken' | 'retry' | 'editKey' | 'editBaseUrl' | 'showLog' | 'openSettings';

export interface ErrorText {
  message: string;
  actions: FixAction[];
}

export interface ErrorContext {
  host: string;
  key: string;
}

/** One place that turns every API failure into words and the action that fixes it. */
export function describeError(error: ApiError, context: ErrorContext, t: Translate): ErrorText {
  const { host, key } = context;
  switch (error.kind) {
    case 'unauthorized':
      return {
        message: t(
          'MegaAPI rejected the token for {0} (HTTP {1}). Tokens can be rotated in the MegaAPI panel: set the current one.',
          key,
          error.status,
        ),
        actions: ['setToken', 'retry'],
      };
    case 'notFound':
      return {
        message: t('Instance "{0}" was not found on {1}. Check the instance key and the host.', key, host),
        actions: ['editKey', 'editBaseUrl', 'retry'],
      };
    case 'rateLimited':
      return error.retryAfterMs !== undefined
        ? {
            message: t('MegaAPI asked to slow down; trying again in {0} s.', Math.ceil(error.retryAfterMs / 1000)),
            actions: ['retry'],
          }
        : { message: t('MegaAPI asked to slow down; trying again shortly.'), actions: ['retry'] };
    case 'server':
      return {
        message: t('MegaAPI is having trouble (HTTP {0}). Trying again shortly.', error.status),
        actions: ['retry'],
      };
    case 'api': {
      // The server's own words, made inert: they may carry links or markup.
      const said = serverText(error.message);
      return {
        message: said ? t('MegaAPI answered: {0}', said) : t('MegaAPI reported an error (HTTP {0}).', error.status),
        actions: ['retry'],
      };
    }
    case 'badPayload':
      return { message: badPayloadText(error.reason, error.status, t), actions: ['retry', 'showLog'] };
    case 'redirect':
      return {
        message: t(
          '{0} redirected the request elsewhere (HTTP {1}); it was not followed, so the token stays with this host. Check the host.',
          host,
          error.status,
        ),
        actions: ['editBaseUrl', 'retry'],
      };
    case 'timeout':
      return { message: t('{0} did not answer within {1} s.', host, error.seconds), actions: ['retry'] };
    case 'unreachable':
      return {
        message: t('Cannot reach {0} ({1}). Check the host and your connection.', host, error.code),
        actions: ['retry', 'editBaseUrl'],
      };
    case 'tls':
      return {
        message: t('The TLS certificate of {0} is not trusted ({1}). The request was not sent.', host, error.code),
        actions: ['retry', 'editBaseUrl'],
      };
    case 'network':
      return { message: t('The connection to {0} failed ({1}).', host, error.code), actions: ['retry'] };
    case 'invalidKey':
      return { message: t('"{0}" is not a valid instance key.', key), actions: ['editKey'] };
    case 'noToken':
      return { message: t('No token is stored for {0} on {1}.', key, host), actions: ['setToken'] };
    case 'insecureHost':
      return {
        message: t(
          'Nothing was sent: {0} uses plain http://, which would send the token unencrypted. Use an https:// host, or allow it with the setting megaapi.allowInsecureHttp.',
          host,
        ),
        actions: ['editBaseUrl', 'openSettings'],
      };
    case 'invalidHost':
      return {
        message: t('Nothing was sent: "{0}" is not a valid MegaAPI host. Change the host of this instance.', host),
        actions: ['editBaseUrl'],
      };
    case 'internal':
      return {
        message: t('Something went wrong inside the extension. Details are in the log (Output → MegaAPI).'),
        actions: ['showLog', 'retry'],
      };
    case 'cancelled':
      return { message: t('The request was cancelled.'), actions: ['retry'] };
  }
}

function badPayloadText(reason: BadPayloadReason, status: number, t: Translate): string {
  switch (reason) {
    case 'notJson':
      return t('MegaAPI sent a reply that is not JSON (HTTP {0}).', status);
    case 'tooLarge':
      return t('MegaAPI sent a reply that is too large; it was cut off.');
    case 'shape':
      return t('MegaAPI sent a reply in an unexpected shape (HTTP {0}).', status);
    case 'notQrSized':
      return t('MegaAPI sent an image far larger than a QR code; it was not shown.');
    case 'notPng':
      return t('MegaAPI sent the QR code as an image that is not PNG; only PNG is shown, as MegaAPI sends it.');
    default:
      return t('MegaAPI sent a QR code that is not a valid image ({0}).', reason);
  }
}
