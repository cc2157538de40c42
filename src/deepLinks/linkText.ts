import { baseUrlReason, instanceKeyReason } from '../text/reasons';
import { Translate } from '../text/translate';
import { LinkProblem } from './parseLink';

/**
 * Why a link was refused, in words. Nothing from the link itself is quoted:
 * a notification renders markdown links, and the link came from anywhere.
 */
export function linkProblemText(problem: LinkProblem, t: Translate): string {
  return t('MegaAPI: this link cannot be opened. {0}', detail(problem, t));
}

function detail(problem: LinkProblem, t: Translate): string {
  switch (problem.kind) {
    case 'path':
      return t('MegaAPI links open /showQr or /pairingCode only.');
    case 'tooLong':
      return t('The link is too long.');
    case 'unknownParameter':
      return t('It has a parameter that MegaAPI links do not use; they carry only host and key.');
    case 'repeated':
      return t('It gives "{0}" more than once.', problem.name);
    case 'missing':
      return problem.name === 'host'
        ? t('It does not say which host the instance is on.')
        : t('It does not say which instance key to open.');
    case 'host':
      return baseUrlReason(problem.reason, t);
    case 'key':
      return instanceKeyReason(problem.reason, t);
  }
}
