import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { MAX_QR_SIDE, imageSize, isQrSized } from '../../../src/core/imageSize';

function u16be(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
function u16le(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
function u24le(n: number): Buffer {
  const b = Buffer.alloc(3);
  b.writeUIntLE(n, 0, 3);
  return b;
}
const ascii = (s: string) => Buffer.from(s, 'latin1');

function pngHeader(width: number, height: number): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    u32be(13),
    ascii('IHDR'),
    u32be(width),
    u32be(height),
    Buffer.from([8, 6, 0, 0, 0]),
    u32be(0), // CRC, not checked
  ]);
}

function segment(marker: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker]), u16be(payload.length + 2), payload]);
}
const APP0 = segment(0xe0, Buffer.concat([ascii('JFIF\0'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0])]));
const DQT = segment(0xdb, Buffer.alloc(65));
const DHT = segment(0xc4, Buffer.alloc(29));
function sof(marker: number, width: number, height: number): Buffer {
  return segment(marker, Buffer.concat([Buffer.from([8]), u16be(height), u16be(width), Buffer.from([1, 1, 0x11, 0])]));
}
const SOS = segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);

function gif(version: '87a' | '89a', width: number, height: number): Buffer {
  return Buffer.concat([
    ascii(`GIF${version}`),
    u16le(width),
    u16le(height),
    Buffer.from([0, 0, 0]),
    Buffer.from([0x3b]),
  ]);
}

function webp(chunk: string, data: Buffer): Buffer {
  const body = Buffer.concat([ascii('WEBP'), ascii(chunk), u32le(data.length), data]);
  return Buffer.concat([ascii('RIFF'), u32le(body.length), body]);
}
function vp8(width: number, height: number, scale = 0): Buffer {
  return webp(
    'VP8 ',
    Buffer.concat([
      Buffer.from([0x50, 0x02, 0x00, 0x9d, 0x01, 0x2a]),
      u16le(width | (scale << 14)),
      u16le(height | (scale << 14)),
    ]),
  );
}
function vp8l(width: number, height: number): Buffer {
  const bits = (width - 1) | ((height - 1) << 14) | (1 << 28); // alpha hint set, version 0
  return webp('VP8L', Buffer.concat([Buffer.from([0x2f]), u32le(bits >>> 0)]));
}
function vp8x(width: number, height: number): Buffer {
  return webp('VP8X', Buffer.concat([Buffer.from([0x10, 0, 0, 0]), u24le(width - 1), u24le(height - 1)]));
}

const VALID: Array<[string, Buffer, { width: number; height: number }]> = [
  ['PNG', pngHeader(264, 264), { width: 264, height: 264 }],
  ['JPEG baseline', Buffer.concat([SOI, APP0, DQT, DHT, sof(0xc0, 300, 200), SOS, EOI]), { width: 300, height: 200 }],
  [
    'JPEG progressive',
    Buffer.concat([SOI, APP0, DQT, sof(0xc2, 640, 480), DHT, SOS, EOI]),
    { width: 640, height: 480 },
  ],
  ['GIF87a', gif('87a', 33, 44), { width: 33, height: 44 }],
  ['GIF89a', gif('89a', 264, 265), { width: 264, height: 265 }],
  ['WebP VP8', vp8(264, 263), { width: 264, height: 263 }],
  ['WebP VP8L', vp8l(16384, 2), { width: 16384, height: 2 }],
  ['WebP VP8X', vp8x(16777216, 3), { width: 16777216, height: 3 }],
];

describe('imageSize', () => {
  for (const [name, bytes, size] of VALID) {
    it(`reads ${name}`, () => assert.deepEqual(imageSize(bytes), size));
  }

  it('reads real PNGs, and a real QR is QR-sized', async () => {
    const png = new PNG({ width: 7, height: 5 });
    assert.deepEqual(imageSize(PNG.sync.write(png)), { width: 7, height: 5 });
    const qr = await QRCode.toBuffer('2@abc,def,ghi==', { type: 'png' });
    const size = imageSize(qr);
    assert.ok(size && size.width === size.height && size.width > 20);
    assert.equal(isQrSized(size), true);
  });

  it('reads a PNG header that declares 23000×23000, which is then refused', () => {
    const size = imageSize(pngHeader(23000, 23000));
    assert.deepEqual(size, { width: 23000, height: 23000 });
    assert.equal(isQrSized(size), false);
  });

  it('skips fill bytes and standalone markers between JPEG segments', () => {
    const bytes = Buffer.concat([
      SOI,
      Buffer.from([0xff, 0xff, 0xff]),
      APP0,
      Buffer.from([0xff, 0x01, 0xff, 0xd0]),
      Buffer.from([0xff, 0xff]),
      sof(0xc1, 10, 20),
    ]);
    assert.deepEqual(imageSize(bytes), { width: 10, height: 20 });
  });

  it('does not take DHT, JPG or DAC for a frame header', () => {
    for (const marker of [0xc4, 0xc8, 0xcc]) {
      assert.equal(imageSize(Buffer.concat([SOI, sof(marker, 10, 20), EOI])), undefined, marker.toString(16));
    }
  });

  it('refuses JPEGs without a usable frame header', () => {
    assert.equal(imageSize(Buffer.concat([SOI, APP0, SOS, sof(0xc0, 10, 10)])), undefined, 'scan before frame');
    assert.equal(imageSize(Buffer.concat([SOI, APP0, EOI])), undefined, 'no frame');
    assert.equal(imageSize(Buffer.concat([SOI, sof(0xc0, 10, 0)])), undefined, 'height from DNL');
    assert.equal(imageSize(Buffer.concat([SOI, Buffer.from([0xff, 0xe0, 0x00, 0x01])])), undefined, 'length below 2');
    assert.equal(
      imageSize(Buffer.concat([SOI, Buffer.from([0xff, 0xe0, 0x00, 0x02, 0x12]), sof(0xc0, 1, 1)])),
      undefined,
      'junk between segments',
    );
  });

  it('gives up on a JPEG made of endless empty segments or fill bytes, quickly', () => {
    const started = Date.now();
    const comments = Buffer.concat([
      SOI,
      Buffer.alloc(4 * 5000, Buffer.from([0xff, 0xfe, 0x00, 0x02])),
      sof(0xc0, 1, 1),
    ]);
    assert.equal(imageSize(comments), undefined);
    assert.equal(imageSize(Buffer.concat([SOI, Buffer.alloc(1_500_000, 0xff)])), undefined);
    assert.ok(Date.now() - started < 500);
  });

  it('refuses zero sides, a wrong first PNG chunk, VP8 inter frames and unknown WebP chunks', () => {
    assert.equal(imageSize(pngHeader(0, 10)), undefined);
    assert.equal(imageSize(pngHeader(2 ** 31, 10)), undefined);
    const notIhdr = pngHeader(10, 10);
    notIhdr.write('IDAT', 12, 'latin1');
    assert.equal(imageSize(notIhdr), undefined);
    assert.equal(imageSize(gif('89a', 0, 5)), undefined);
    const inter = vp8(10, 10);
    inter[20] |= 1;
    assert.equal(imageSize(inter), undefined);
    const badVersion = vp8l(10, 10);
    badVersion[24] |= 0x20;
    assert.equal(imageSize(badVersion), undefined);
    assert.equal(imageSize(webp('ALPH', Buffer.alloc(16))), undefined);
  });

  it('masks the VP8 scale bits out of the sides', () => {
    assert.deepEqual(imageSize(vp8(100, 50, 3)), { width: 100, height: 50 });
  });

  it('refuses garbage, text and SVG', () => {
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from('hello world, this is not an image'),
      Buffer.from('<svg width="99999" height="99999"/>'),
      Buffer.alloc(64),
    ]) {
      assert.equal(imageSize(bytes), undefined);
    }
  });

  it('never throws on any truncation of a valid header, and never invents a size', () => {
    for (const [name, bytes, size] of VALID) {
      for (let length = 0; length < bytes.length; length++) {
        const got = imageSize(bytes.subarray(0, length));
        if (got !== undefined) assert.deepEqual(got, size, `${name} cut at ${length}`);
      }
    }
  });

  it('never throws on arbitrary bytes behind any signature, and sizes are positive integers (property)', () => {
    const prefixes = [
      Buffer.alloc(0),
      pngHeader(1, 1).subarray(0, 16),
      SOI,
      Buffer.from([0xff, 0xd8, 0xff]),
      ascii('GIF89a'),
      ascii('RIFF\0\0\0\0WEBPVP8 '),
      ascii('RIFF\0\0\0\0WEBPVP8L'),
      ascii('RIFF\0\0\0\0WEBPVP8X'),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 64 }), (prefix, tail) => {
        const size = imageSize(Buffer.concat([prefix, Buffer.from(tail)]));
        if (size) {
          assert.ok(Number.isInteger(size.width) && size.width > 0);
          assert.ok(Number.isInteger(size.height) && size.height > 0);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on valid headers with bytes changed (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID.map(([, bytes]) => bytes)),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }),
        (bytes, edits) => {
          const copy = Buffer.from(bytes);
          for (const [at, value] of edits) copy[at % copy.length] = value;
          imageSize(copy);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('isQrSized', () => {
  it('accepts sides from 1 to MAX_QR_SIDE only', () => {
    assert.equal(MAX_QR_SIDE, 2048);
    assert.equal(isQrSized({ width: 1, height: 1 }), true);
    assert.equal(isQrSized({ width: 264, height: 264 }), true);
    assert.equal(isQrSized({ width: 2048, height: 2048 }), true);
    assert.equal(isQrSized({ width: 2049, height: 10 }), false);
    assert.equal(isQrSized({ width: 10, height: 23000 }), false);
    assert.equal(isQrSized({ width: 0, height: 10 }), false);
    assert.equal(isQrSized({ width: 10.5, height: 10 }), false);
    assert.equal(isQrSized({ width: NaN, height: 10 }), false);
    assert.equal(isQrSized(undefined), false);
  });
});
