import { RecordSpec } from '../instances/records';

/**
 * When each instance last got a pairing code, in globalState, which every
 * VS Code window of this profile shares, so a second window cannot ask
 * WhatsApp for a code too soon. Not synced: it is about this machine's
 * WhatsApp limit. Kept when the instance is removed, since adding it again
 * does not reset WhatsApp's count.
 */
export const PAIRING_ISSUED_AT: RecordSpec<number> = {
  key: 'megaapi.pairingIssuedAt',
  valid: (value): value is number => typeof value === 'number',
  onRemove: 'keep',
  // After an hour an entry holds nothing back.
  stale: (at, now) => now - at >= 3_600_000,
};
