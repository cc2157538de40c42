// Renders docs/icon.svg to media/icon.png (the Marketplace icon) with headless Chromium.
// `node scripts/render-icon.mjs [--size 128] [--out media/icon.png]`; other sizes are for
// checking how the icon reads small, and are not shipped. With pngquant installed
// (`apt-get install pngquant`), the PNG is then reduced to a palette: the same picture in
// about a third of the bytes, which the .vsix budget (issue 25) counts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '128' },
    out: { type: 'string', default: 'media/icon.png' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
const size = Number(values.size);
if (!Number.isInteger(size) || size < 16 || size > 1024) throw new Error(`invalid --size: ${values.size}`);

const svg = readFileSync('docs/icon.svg', 'utf8');
const html = `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`;

const browser = await chromium.launch({
  executablePath: values.chromium,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.screenshot({ path: values.out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`${values.out} (${size}×${size})`);
  try {
    execFileSync('pngquant', ['--quality=80-98', '--speed', '1', '--force', '--output', values.out, values.out]);
  } catch {
    console.log('pngquant not found or failed: the PNG is kept as rendered (larger).');
  }
} finally {
  await browser.close();
}
