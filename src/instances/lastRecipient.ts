import { RecordSpec } from './records';

/**
 * The last destination of a test message per instance, so a second test is
 * two keystrokes (globalState key, stable). Not synced (a phone number is
 * personal data), never the text, and forgotten with the instance.
 */
export const LAST_RECIPIENT: RecordSpec<string> = {
  key: 'megaapi.lastRecipient',
  // Parsed again by the prompt; this only keeps junk out of the input box.
  valid: (value): value is string => typeof value === 'string' && value.length <= 64,
  onRemove: 'forget',
};
