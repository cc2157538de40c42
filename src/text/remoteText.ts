import { RemoteAction } from '../instances/remote';
import { serverText } from '../core/serverText';
import { Translate } from './translate';

/** What a logout or restart that MegaAPI accepted tells the user (or the agent), the same from a command or a tool. */
export function remoteDoneText(action: RemoteAction, key: string, said: string, t: Translate): string {
  const done = action === 'logout' ? t('{0} was logged out.', key) : t('{0} was restarted.', key);
  // The server's words are data: made inert, they cannot become a link or a command.
  const answer = serverText(said);
  return answer ? `${done} ${t('MegaAPI answered: {0}', answer)}` : done;
}
