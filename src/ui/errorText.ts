import { ApiError } from '../api/errors';
import { PanelAction } from './actions';
import { Translate } from './translate';

export interface ErrorText {
  message: string;
  actions: PanelAction[];
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
      return { message: t('MegaAPI rejected the token for {0} (HTTP {1}). Tokens can be rotated in the MegaAPI panel: set the current one.', key, error.status), actions: ['setToken', 'retry'] };
    case 'notFound':
      return { message: t('Instance "{0}" was not found on {1}. Check the instance key and the host.', key, host), actions: ['editKey', 'editBaseUrl', 'retry'] };
    case 'rateLimited':
      return error.retryAfterSeconds !== undefined
        ? { message: t('MegaAPI asked to slow down; trying again in {0} s.', error.retryAfterSeconds), actions: ['retry'] }
        : { message: t('MegaAPI asked to slow down; trying again shortly.'), actions: ['retry'] };
    case 'server':
      return { message: t('MegaAPI is having trouble (HTTP {0}). Trying again shortly.', error.status), actions: ['retry'] };
    case 'api':
      return { message: error.message ? t('MegaAPI answered: {0}', error.message) : t('MegaAPI reported an error (HTTP {0}).', error.status), actions: ['retry'] };
    case 'badPayload':
      return { message: badPayloadText(error.reason, error.status, t), actions: ['retry', 'showLog'] };
    case 'redirect':
      return { message: t('{0} redirected the request elsewhere (HTTP {1}); it was not followed, so the token stays with this host. Check the host.', host, error.status), actions: ['editBaseUrl', 'retry'] };
    case 'timeout':
      return { message: t('{0} did not answer within {1} s.', host, error.seconds), actions: ['retry'] };
    case 'unreachable':
      return { message: t('Cannot reach {0} ({1}). Check the host and your connection.', host, error.code), actions: ['retry', 'editBaseUrl'] };
    case 'tls':
      return { message: t('The TLS certificate of {0} is not trusted ({1}). The request was not sent.', host, error.code), actions: ['retry', 'editBaseUrl'] };
    case 'network':
      return { message: t('The connection to {0} failed ({1}).', host, error.code), actions: ['retry'] };
    case 'invalidKey':
      return { message: t('"{0}" is not a valid instance key.', key), actions: ['editKey'] };
    case 'noToken':
      return { message: t('No token is stored for {0} on {1}.', key, host), actions: ['setToken'] };
    case 'cancelled':
      return { message: t('The request was cancelled.'), actions: ['retry'] };
  }
}

function badPayloadText(reason: string, status: number, t: Translate): string {
  switch (reason) {
    case 'notJson':
      return t('MegaAPI sent a reply that is not JSON (HTTP {0}).', status);
    case 'tooLarge':
      return t('MegaAPI sent a reply that is too large; it was cut off.');
    case 'shape':
      return t('MegaAPI sent a reply in an unexpected shape (HTTP {0}).', status);
    default:
      return t('MegaAPI sent a QR code that is not a valid image ({0}).', reason);
  }
}
