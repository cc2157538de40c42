import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** What a phone would read from this screenshot: the QR's text, or undefined. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
