export interface ImageSize {
  width: number;
  height: number;
}

/**
 * A WhatsApp QR is a few hundred pixels wide. A small, well-compressed PNG can
 * declare 23000×23000, which the webview (or an image viewer after "Save")
 * would decode into gigabytes, so anything beyond this is refused unshown.
 */
export const MAX_QR_SIDE = 2048;

export function isQrSized(size: ImageSize | undefined): boolean {
  if (!size) return false;
  const fits = (side: number) => Number.isInteger(side) && side >= 1 && side <= MAX_QR_SIDE;
  return fits(size.width) && fits(size.height);
}

/**
 * Reads width and height from the header of a PNG, JPEG, GIF or WebP without
 * decoding it. Undefined when the header is missing, cut short or malformed.
 * Every read is checked against the length first: the bytes come from the
 * server, and a throw here would be a crash in whoever shows the QR.
 */
export function imageSize(bytes: Buffer): ImageSize | undefined {
  if (startsWith(bytes, 0, PNG_SIGNATURE)) return png(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpeg(bytes);
  if (startsWith(bytes, 0, GIF87A) || startsWith(bytes, 0, GIF89A)) return gif(bytes);
  if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) return webp(bytes);
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IHDR = Buffer.from('IHDR', 'latin1');
const GIF87A = Buffer.from('GIF87a', 'latin1');
const GIF89A = Buffer.from('GIF89a', 'latin1');
const RIFF = Buffer.from('RIFF', 'latin1');
const WEBP = Buffer.from('WEBP', 'latin1');
const VP8_START_CODE = Buffer.from([0x9d, 0x01, 0x2a]);

function startsWith(bytes: Buffer, offset: number, prefix: Buffer): boolean {
  return bytes.length >= offset + prefix.length && bytes.subarray(offset, offset + prefix.length).equals(prefix);
}

function sized(width: number, height: number): ImageSize | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** IHDR must be the first chunk; PNG limits each side to 2^31−1. */
function png(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 24 || bytes.readUInt32BE(8) !== 13 || !startsWith(bytes, 12, IHDR)) return undefined;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  return width <= 0x7fffffff && height <= 0x7fffffff ? sized(width, height) : undefined;
}

/** Far more chunks than a QR PNG has (IHDR, a few ancillary, IDAT, IEND); stops a file made of empty ones. */
const MAX_PNG_CHUNKS = 10_000;

/**
 * True when every frame an animated PNG declares (`fcTL`) lies inside the
 * image and within the cap: the decoder sizes its buffers by the frame, not
 * by the header, so a 1×1 header must not hide a 16000² frame. A PNG with no
 * `fcTL` has only the frame its header declares. False when the chunks are
 * malformed.
 */
export function pngFramesFit(bytes: Buffer, size: ImageSize): boolean {
  let offset = 8;
  for (let chunk = 0; chunk < MAX_PNG_CHUNKS && offset < bytes.length; chunk++) {
    if (offset + 8 > bytes.length) return false;
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('latin1');
    const data = offset + 8;
    if (length > bytes.length - data) return false;
    if (type === 'fcTL') {
      // sequence(4) width(4) height(4) x(4) y(4) ...
      if (length < 26) return false;
      const width = bytes.readUInt32BE(data + 4);
      const height = bytes.readUInt32BE(data + 8);
      const x = bytes.readUInt32BE(data + 12);
      const y = bytes.readUInt32BE(data + 16);
      if (!isQrSized({ width, height }) || x + width > size.width || y + height > size.height) return false;
    }
    if (type === 'IEND') return true;
    offset = data + length + 4;
  }
  return false;
}

/** Markers that carry no length field: TEM, RST0-7, SOI. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);
}

/** SOF0-SOF15; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Far more segments than any real header has (APPn, DQT, DHT, COM); stops a file made of empty ones. */
const MAX_JPEG_SEGMENTS = 1000;

function jpeg(bytes: Buffer): ImageSize | undefined {
  let offset = 2;
  for (let segment = 0; segment < MAX_JPEG_SEGMENTS; segment++) {
    if (offset >= bytes.length || bytes[offset] !== 0xff) return undefined;
    // Any number of 0xFF fill bytes may precede a marker.
    while (offset < bytes.length && bytes[offset] === 0xff) offset++;
    if (offset >= bytes.length) return undefined;
    const marker = bytes[offset];
    offset++;
    if (isStandalone(marker)) continue;
    // 0x00 is stuffing inside entropy data, never a marker here; EOI or SOS before a frame header means there is none.
    if (marker === 0x00 || marker === 0xd9 || marker === 0xda) return undefined;
    if (offset + 2 > bytes.length) return undefined;
    const length = bytes.readUInt16BE(offset);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      // length(2) precision(1) height(2) width(2); height 0 defers to a DNL marker, which a QR never needs.
      if (length < 7 || offset + 7 > bytes.length) return undefined;
      return sized(bytes.readUInt16BE(offset + 5), bytes.readUInt16BE(offset + 3));
    }
    offset += length;
  }
  return undefined;
}

/** The logical screen descriptor follows the signature. */
function gif(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 10) return undefined;
  return sized(bytes.readUInt16LE(6), bytes.readUInt16LE(8));
}

/** Only the first chunk after `WEBP` is read: VP8, VP8L or VP8X, whose layouts differ. */
function webp(bytes: Buffer): ImageSize | undefined {
  if (bytes.length < 20) return undefined;
  const chunk = bytes.subarray(12, 16).toString('latin1');
  const data = 20;
  switch (chunk) {
    case 'VP8 ': {
      // 3-byte frame tag (bit 0 clear for a key frame), start code, then 14-bit sides with 2 scale bits.
      const keyFrame = bytes.length >= data + 10 && (bytes[data] & 1) === 0;
      if (!keyFrame || !startsWith(bytes, data + 3, VP8_START_CODE)) return undefined;
      return sized(bytes.readUInt16LE(data + 6) & 0x3fff, bytes.readUInt16LE(data + 8) & 0x3fff);
    }
    case 'VP8L': {
      // Signature 0x2F, then width−1 and height−1 in 14 bits each and a 3-bit version that must be 0.
      if (bytes.length < data + 5 || bytes[data] !== 0x2f) return undefined;
      const bits = bytes.readUInt32LE(data + 1);
      if (bits >>> 29 !== 0) return undefined;
      return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    case 'VP8X': {
      // Flags(1) reserved(3), then canvas width−1 and height−1 as 24-bit little-endian.
      if (bytes.length < data + 10) return undefined;
      return sized(bytes.readUIntLE(data + 4, 3) + 1, bytes.readUIntLE(data + 7, 3) + 1);
    }
    default:
      return undefined;
  }
}
