import { BaseUrlReason } from '../core/baseUrl';
import { InstanceKeyReason } from '../core/instanceKey';
import { PhoneReason } from '../core/phoneNumber';
import { TokenReason } from '../core/token';
import { Translate } from './translate';

/** Why an input box refuses what was typed, in words; exhaustive by type. */
export function baseUrlReason(reason: BaseUrlReason, t: Translate): string {
  const text: Record<BaseUrlReason, string> = {
    empty: t('Enter the MegaAPI host, for example https://apinocode01.megaapi.com.br'),
    tooLong: t('That is too long to be a host address.'),
    whitespace: t('The host cannot contain spaces or control characters.'),
    invalid: t('That is not a valid address.'),
    scheme: t('Use an https:// address.'),
    userInfo: t('Do not put a user name or password in the address; the token is asked for separately.'),
    insecure: t(
      'Use https://. Plain http:// would send the token unencrypted (allowed only for localhost, or with the setting megaapi.allowInsecureHttp).',
    ),
    queryOrFragment: t('Enter only the host, without ? or # parts.'),
    path: t('Enter only the host as the MegaAPI panel shows it; this path has empty, encoded or unusual parts.'),
  };
  return text[reason];
}

export function instanceKeyReason(reason: InstanceKeyReason, t: Translate): string {
  const text: Record<InstanceKeyReason, string> = {
    empty: t('Enter the instance key, for example megastart-XXXXXXXX'),
    tooLong: t('That is too long to be an instance key.'),
    characters: t('An instance key has only letters, digits, "-" and "_".'),
  };
  return text[reason];
}

export function tokenReason(reason: TokenReason, t: Translate): string {
  const text: Record<TokenReason, string> = {
    empty: t('Enter the instance token from the MegaAPI panel.'),
    tooLong: t('That is too long to be a token.'),
    characters: t('The token cannot contain spaces or special characters; paste it as shown in the MegaAPI panel.'),
  };
  return text[reason];
}

export function phoneReason(reason: PhoneReason, t: Translate): string {
  const text: Record<PhoneReason, string> = {
    empty: t('Enter the phone number with country code, for example 5511999999999.'),
    digits: t('Use digits only: country code + area code + number (Brazil: 55 + DDD + number).'),
    length: t('A phone number with country code has 10 to 15 digits (Brazil: 55 + DDD + number).'),
  };
  return text[reason];
}
