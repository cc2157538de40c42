import { randomBytes, randomInt } from 'node:crypto';
import QRCode from 'qrcode';

/**
 * WhatsApp's QR text is `2@<ref>,<noise key>,<identity key>,<adv secret>`.
 * The mock keeps the `2@` prefix and a random ref so the text looks and sizes
 * like the real thing, and swaps the keys for the instance key and sequence
 * number so a test can tell which instance and which window a QR came from.
 */
export function makeQrContent(key: string, seq: number): string {
  return `2@${randomBytes(24).toString('base64')},${key},${seq}`;
}

/**
 * Black on white with a 4-module quiet zone, the same conventions a phone
 * camera expects from the real server. Rendering costs a few milliseconds, so
 * callers cache one image per content.
 */
export function renderQrDataUrl(content: string): Promise<string> {
  return QRCode.toDataURL(content, {
    type: 'image/png',
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: 8,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}

const PAIRING_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function makePairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** Deliberately not shared with the extension's own validator: the mock must not inherit the client's bugs. */
export function isValidPhoneNumber(raw: string | null): raw is string {
  return raw !== null && /^\d{10,15}$/.test(raw);
}
