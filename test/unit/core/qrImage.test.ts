import * as assert from 'node:assert/strict';
import { parseQrImage } from '../../../src/core/qrImage';
import { TINY_PNG } from '../support';

describe('parseQrImage', () => {
  const base64 = TINY_PNG.toString('base64');

  it('accepts a PNG data URI and bare base64, and rebuilds the URI from the bytes', () => {
    const withPrefix = parseQrImage(`data:image/png;base64,${base64}`);
    const bare = parseQrImage(base64);
    assert.ok(withPrefix.ok && bare.ok);
    assert.equal(withPrefix.value.dataUri, `data:image/png;base64,${base64}`);
    assert.equal(bare.value.dataUri, withPrefix.value.dataUri);
  });

  it('decides the type from the bytes, not from what the server declared', () => {
    const parsed = parseQrImage(`data:image/jpeg;base64,${base64}`);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.mime, 'image/png');
  });

  it('tolerates line breaks inside the base64', () => {
    assert.equal(parseQrImage(base64.replace(/(.{20})/g, '$1\n')).ok, true);
  });

  it('refuses text, SVG, HTML and truncated images', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString(
      'base64',
    );
    assert.deepEqual(parseQrImage(`data:image/svg+xml;base64,${svg}`), { ok: false, reason: 'notImage' });
    assert.deepEqual(parseQrImage(svg), { ok: false, reason: 'notImage' });
    assert.deepEqual(parseQrImage('<img src=x onerror=alert(1)>'), { ok: false, reason: 'notBase64' });
    assert.deepEqual(parseQrImage('data:text/html,<b>hi</b>'), { ok: false, reason: 'notImage' });
    assert.deepEqual(parseQrImage(TINY_PNG.subarray(0, 40).toString('base64')), { ok: false, reason: 'truncated' });
    assert.deepEqual(parseQrImage(''), { ok: false, reason: 'empty' });
  });

  it('refuses JPEG, GIF and WebP with a reason: only PNG is shown, as MegaAPI sends it', () => {
    // The smallest headers that declare a 64 × 64 image, as a QR would be.
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x40, 0x00, 0x40, 0x03, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0];
    const jpeg = Buffer.from([0xff, 0xd8, ...sof0, 0xff, 0xd9]);
    const gif = Buffer.concat([
      Buffer.from('GIF89a'),
      Buffer.from([64, 0, 64, 0, 0, 0, 0, 0, 0, 0]),
      Buffer.from([0x3b]),
    ]);
    const vp8x = Buffer.from([10, 0, 0, 0, 0, 0, 0, 0, 63, 0, 0, 63, 0, 0]);
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([22, 0, 0, 0]), Buffer.from('WEBPVP8X'), vp8x]);
    const mime = (b: Buffer) => {
      const parsed = parseQrImage(b.toString('base64'));
      return parsed.ok ? parsed.value.mime : parsed.reason;
    };
    assert.equal(mime(jpeg), 'notPng');
    assert.equal(mime(gif), 'notPng');
    assert.equal(mime(webp), 'notPng');
  });

  it('refuses the 34-byte GIF whose 1×1 screen hides a 16000² frame', () => {
    const bomb = Buffer.concat([
      Buffer.from('GIF89a'),
      Buffer.from([1, 0, 1, 0, 0, 0, 0]),
      // Image descriptor: left, top, then a frame of 16000 × 16000.
      Buffer.from([0x2c, 0, 0, 0, 0, 0x80, 0x3e, 0x80, 0x3e, 0]),
      Buffer.from([2, 2, 0x4c, 0x01, 0, 0x3b]),
    ]);
    assert.deepEqual(parseQrImage(bomb.toString('base64')), { ok: false, reason: 'notPng' });
  });

  it('holds every frame of an animated PNG to the cap, not only its header', () => {
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const frame = (side: number) => {
      const data = Buffer.alloc(26);
      data.writeUInt32BE(side, 4);
      data.writeUInt32BE(side, 8);
      return chunk('fcTL', data);
    };
    const actl = chunk('acTL', Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]));
    const apng = (side: number) =>
      Buffer.concat([TINY_PNG.subarray(0, 33), actl, frame(side), TINY_PNG.subarray(33)]).toString('base64');
    assert.deepEqual(parseQrImage(apng(16_000)), { ok: false, reason: 'notQrSized' });
    assert.equal(parseQrImage(apng(1)).ok, true);
  });

  it('refuses an image far larger than a QR code before anything draws it', () => {
    // 94 KB of PNG can declare 23000 × 23000 pixels and cost the webview gigabytes.
    const huge = Buffer.from(TINY_PNG);
    huge.writeUInt32BE(23_000, 16);
    huge.writeUInt32BE(23_000, 20);
    assert.deepEqual(parseQrImage(huge.toString('base64')), { ok: false, reason: 'notQrSized' });
    const parsed = parseQrImage(base64);
    assert.ok(parsed.ok && parsed.value.width === 1 && parsed.value.height === 1);
  });
});
