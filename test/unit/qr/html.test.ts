import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inlineSafe, panelAssetsFrom } from '../../../src/qr/assets';
import { buildQrHtml } from '../../../src/qr/html';
import { createNonce } from '../../../src/qr/nonce';

function html(overrides: Partial<Parameters<typeof buildQrHtml>[0]> = {}): string {
  return buildQrHtml({
    nonce: createNonce(),
    script: 'console.log("panel script");',
    style: 'body { color: red; }',
    lang: 'en',
    title: 'MegaAPI QR: megastart-1',
    loadingText: 'Fetching the QR code…',
    refreshLabel: 'Refresh',
    pairing: {
      heading: 'Link with phone number instead',
      phoneLabel: 'Phone',
      phoneHint: '55 + DDD',
      submitLabel: 'Get Pairing Code',
      copyLabel: 'Copy Code',
      copiedLabel: 'Copied',
    },
    ...overrides,
  });
}

function cspOf(page: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page);
  assert.ok(match, 'the page declares a CSP');
  return match[1].replace(/&#39;/g, "'");
}

describe('QR panel HTML', () => {
  it('declares a strict CSP: nothing by default, script and style only by nonce, images only data:', () => {
    const nonce = createNonce();
    const csp = cspOf(html({ nonce }));
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['script-src'], [`'nonce-${nonce}'`]);
    assert.deepEqual(directives['style-src'], [`'nonce-${nonce}'`]);
    assert.deepEqual(directives['img-src'], ['data:']);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('carries its one script and its stylesheet under the nonce, loads nothing, has no inline handlers', () => {
    const nonce = createNonce();
    const page = html({ nonce });
    assert.deepEqual(page.match(/<script[^>]*>/g), [`<script nonce="${nonce}">`]);
    assert.deepEqual(page.match(/<style[^>]*>/g), [`<style nonce="${nonce}">`]);
    assert.ok(page.includes('console.log("panel script");</script>'));
    assert.ok(page.includes('body { color: red; }</style>'));
    assert.doesNotMatch(page, /\s(src|href)=/i);
    assert.doesNotMatch(page, /\son[a-z]+=/i);
  });

  it('inlines media/qr.js and media/qr.css as they are, and refuses text that would close its element', () => {
    const assets = panelAssetsFrom('media')();
    assert.equal(assets.script, readFileSync('media/qr.js', 'utf8'));
    assert.equal(assets.style, readFileSync('media/qr.css', 'utf8'));
    assert.throws(() => inlineSafe('const a = "</SCRIPT><img src=x>";', 'script'), /cannot be inlined/);
    assert.throws(() => inlineSafe('a { } </style><script>', 'style'), /cannot be inlined/);
    assert.throws(() => inlineSafe('<!-- x', 'script'), /cannot be inlined/);
  });

  it('uses a fresh nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.ok(n.length >= 24);
  });

  it('has a real Refresh button and escapes the texts it is given', () => {
    const page = html({ title: '<script>x</script>', refreshLabel: 'Atualizar' });
    assert.match(page, /<button id="refresh" type="button" data-action="refresh">Atualizar<\/button>/);
    assert.ok(!page.includes('<script>x</script>'));
  });
});
