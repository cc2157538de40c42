import { serverText } from '../core/serverText';
import { Translate } from '../text/translate';
import { Drop } from './scheduler';

/**
 * The notification's sentence for a drop: the instance, its account, what it
 * is now and since when. `account` is already inert (`linkedAccount`); the
 * server's word for the state passes through `serverText` here.
 */
export function dropText(drop: Drop, account: string, since: string, t: Translate): string {
  const who = account ? t('{0} ({1})', drop.instance.key, account) : drop.instance.key;
  switch (drop.kind) {
    case 'notLinked': {
      const state = serverText(drop.state ?? '', 60) || t('not linked');
      return t('MegaAPI: {0} is no longer connected to WhatsApp. It is now "{1}", since {2}.', who, state, since);
    }
    case 'tokenRejected':
      return t('MegaAPI: {0} is no longer connected: its token is rejected, since {1}. Set its new token.', who, since);
    case 'notFound':
      return t('MegaAPI: {0} is no longer connected: MegaAPI does not know this instance, since {1}.', who, since);
    case 'unreachable':
      return t('MegaAPI: {0} cannot be reached, since {1} (two checks in a row).', who, since);
  }
}
