import { imageSize, isQrSized, pngFramesFit } from './imageSize';
import { Parsed, fail, ok } from './parsed';

export type QrImageReason = 'empty' | 'notBase64' | 'notImage' | 'notPng' | 'truncated' | 'tooLarge' | 'notQrSized';
export type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

export interface QrImage {
  /** Rebuilt from the decoded bytes, so nothing of the server's text reaches the webview. */
  dataUri: string;
  mime: ImageMime;
  bytes: Buffer;
  width: number;
  height: number;
}

/** A WhatsApp QR PNG is a few kilobytes; anything this big is not one. */
export const MAX_IMAGE_BYTES = 1_500_000;

const DATA_URI = /^data:image\/(?:png|jpe?g|gif|webp);base64,(.*)$/is;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * Accepts `data:image/...;base64,...` or bare base64 (MegaAPI usually sends
 * the prefix, not always). The declared type is ignored: the magic numbers of
 * the decoded bytes decide, and a PNG or JPEG cut short in transit is refused
 * rather than shown half-drawn. The size comes from the header before
 * anything draws it: a tiny reply can declare an image of gigapixels.
 *
 * Only PNG is shown, which is what MegaAPI sends: a JPEG, GIF or WebP is
 * refused as `notPng`. Their headers do not bound what the decoder
 * allocates (a GIF's logical screen says 1×1 while a frame says 16000²), and
 * a QR has no reason to be one. Every frame of an animated PNG is held to
 * the same cap as its header.
 */
export function parseQrImage(raw: string): Parsed<QrImage, QrImageReason> {
  const text = raw.trim();
  if (text === '') return fail('empty');
  if (text.length > (MAX_IMAGE_BYTES * 4) / 3 + 64) return fail('tooLarge');

  let base64 = text;
  if (/^data:/i.test(text)) {
    const match = DATA_URI.exec(text);
    if (!match) return fail('notImage');
    base64 = match[1];
  }
  base64 = base64.replace(/[\r\n\t ]/g, '');
  if (!BASE64.test(base64) || base64.length % 4 === 1) return fail('notBase64');

  const bytes = Buffer.from(base64, 'base64');
  const mime = sniffImage(bytes);
  if (!mime) return fail('notImage');
  if (mime !== 'image/png') return fail('notPng');
  if (!isComplete(bytes, mime)) return fail('truncated');
  const size = imageSize(bytes);
  if (!size || !isQrSized(size) || !pngFramesFit(bytes, size)) return fail('notQrSized');
  return ok({ dataUri: `data:${mime};base64,${bytes.toString('base64')}`, mime, bytes, ...size });
}

export function sniffImage(bytes: Buffer): ImageMime | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = bytes.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  return undefined;
}

function isComplete(bytes: Buffer, mime: ImageMime): boolean {
  switch (mime) {
    case 'image/png':
      return bytes.length > 8 + 12 && bytes.subarray(bytes.length - 8).equals(PNG_IEND);
    case 'image/jpeg':
      return bytes.length > 4 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
    case 'image/gif':
      return bytes[bytes.length - 1] === 0x3b;
    case 'image/webp':
      return bytes.length >= 8 + bytes.readUInt32LE(4);
  }
}
