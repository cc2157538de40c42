import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { logLine, serverText } from '../../../src/core/serverText';

/** What no sink may ever receive from the server. */
const INVISIBLE_OR_BREAKING = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
const ACTIVE = ['](', ']:', '![', '$(', '<', '>'];

const HOSTILE = [
  '[Set token](command:megaapi.clearToken)',
  '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D)',
  '![pixel](https://evil.example/p.png)',
  '[id]: command:megaapi.logout',
  '<img src=x onerror=alert(1)>',
  '<a href="command:megaapi.removeInstance">',
  '<command:megaapi.logout>',
  '$(check) Connected',
  'vscode://file/etc/passwd',
  'file:///etc/passwd',
  '\u202eexe.txt',
  '\u2066\u2069\u200e\u200f\u061c',
  '\u200b\u200c\u200d\u2060\ufeff',
  '\r\n[INFO] token accepted',
  '\u2028\u2029\u0085\t\v\f',
  '\u0000\u0007\u001b[31m\u007f\u009b',
  '\ud800',
  '\udc00',
  '\u{e0041}\u{e0042}',
  '😀',
  ']',
  '(',
  '[',
  '!',
  '$',
  ':',
  ' ',
  '\u00a0',
];

const anyUnit = fc.nat(0xffff).map((code) => String.fromCharCode(code));
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: anyUnit }),
      fc.string({ unit: 'binary-ascii' }),
    ),
    {
      maxLength: 24,
    },
  )
  .map((parts) => parts.join(''));

describe('serverText', () => {
  it('breaks a markdown link with a command URI so notifications cannot run it', () => {
    const out = serverText('Token expired. [Set token](command:megaapi.clearToken)');
    assert.equal(out, 'Token expired. [Set token] (command:megaapi.clearToken)');
  });

  it('breaks images, reference definitions and codicons', () => {
    assert.equal(serverText('![qr](https://evil.example/p.png)'), '! [qr] (https://evil.example/p.png)');
    assert.equal(serverText('[id]: command:megaapi.logout'), '[id] : command:megaapi.logout');
    assert.equal(serverText('$(check) Connected $(loading~spin)'), '$ (check) Connected $ (loading~spin)');
  });

  it('turns HTML into look-alike text', () => {
    assert.equal(serverText('<img src=x onerror=alert(1)>'), '‹img src=x onerror=alert(1)›');
    assert.equal(serverText('<a href="command:x">click</a>'), '‹a href="command:x"›click‹/a›');
  });

  it('removes bidi overrides, zero-width characters and invisible tags', () => {
    assert.equal(serverText('invoice\u202egpj.exe'), 'invoicegpj.exe');
    assert.equal(serverText('con\u200bnec\u2066ted\u2069\ufeff'), 'connected');
    assert.equal(serverText('ok\u{e0069}\u{e0067}'), 'ok');
  });

  it('makes one line of CRLF, tabs and line separators, and collapses spaces', () => {
    assert.equal(serverText('  error\r\n[INFO] token accepted\t\u2028 end  '), 'error [INFO] token accepted end');
    assert.equal(serverText('a\u0000b\u001b[31mc'), 'ab[31mc');
  });

  it('keeps Portuguese, emoji and ordinary punctuation as they are', () => {
    const text = 'Instância desconectada 😀: escaneie o QR novamente! (código 401)';
    assert.equal(serverText(text), text);
  });

  it('bounds a 1 MB reply quickly, marking the cut', () => {
    const started = Date.now();
    const out = serverText(`${'<b>'.repeat(100_000)}${'x'.repeat(1_000_000)}`);
    assert.ok(out.length <= 301);
    assert.ok(out.endsWith('…'));
    assert.ok(Date.now() - started < 500);
    assert.equal(serverText('a'.repeat(301)), `${'a'.repeat(300)}…`);
    assert.equal(serverText('a'.repeat(300)), 'a'.repeat(300));
  });

  it('never splits a surrogate pair when cutting', () => {
    assert.equal(serverText('😀'.repeat(10), 5), '😀😀…');
    assert.equal(serverText('😀'.repeat(10), 4), '😀😀…');
    assert.equal(serverText('abcd efgh', 5), 'abcd…', 'no space before the ellipsis');
  });

  it('takes numbers and booleans, and nothing else that is not a string', () => {
    assert.equal(serverText(401), '401');
    assert.equal(serverText(false), 'false');
    for (const raw of [
      undefined,
      null,
      NaN,
      Infinity,
      {},
      { toString: () => '[x](command:y)' },
      ['a'],
      10n,
      Symbol('s'),
    ]) {
      assert.equal(serverText(raw), '');
    }
  });

  it('treats a silly maxLength as 1', () => {
    assert.equal(serverText('abc', 0), 'a…');
    assert.equal(serverText('abc', NaN), 'a…');
  });

  it('never lets invisible, line-breaking or active syntax through, stays bounded and is idempotent (property)', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 400 }), (raw, max) => {
        const out = serverText(raw, max);
        assert.ok(!INVISIBLE_OR_BREAKING.test(out), JSON.stringify(out));
        assert.ok(!out.includes('\n'));
        for (const active of ACTIVE) assert.ok(!out.includes(active), `${active} in ${JSON.stringify(out)}`);
        assert.ok(out.length <= max + 1);
        assert.equal(out, out.trim());
        assert.ok(!out.includes('  '));
        assert.equal(serverText(out, max), out);
      }),
      { numRuns: 3000 },
    );
  });

  it('passes plain safe text through unchanged (property)', () => {
    const letter = fc.constantFrom(
      ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ãçéõúÁ.,;:!?\'"-_/@#%&*+=',
    );
    const word = fc.string({ unit: letter, minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), (words) => {
        const text = words.join(' ');
        assert.equal(serverText(text), text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('logLine', () => {
  it('shows line breaks and invisible characters as escapes, so no second line can be forged', () => {
    assert.equal(logLine('ok\r\n[INFO] token accepted'), 'ok\\r\\n[INFO] token accepted');
    assert.equal(logLine('a\u202eb\u0000c\u2028d\u{e0041}'), 'a\\u202eb\\u0000c\\u2028d\\u{e0041}');
    assert.equal(logLine('x\ud800y'), 'x\\ud800y');
  });

  it('keeps markup as sent, since the output channel renders none of it', () => {
    assert.equal(logLine('<html><body>502 Bad Gateway</body></html>'), '<html><body>502 Bad Gateway</body></html>');
  });

  it('is bounded, with a larger default than UI text', () => {
    assert.equal(logLine('y'.repeat(1_000_000)), `${'y'.repeat(500)}…`);
    assert.equal(logLine({}), '');
  });

  it('is always one bounded line without control characters (property)', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 600 }), (raw, max) => {
        const out = logLine(raw, max);
        assert.ok(!INVISIBLE_OR_BREAKING.test(out), JSON.stringify(out));
        assert.ok(out.length <= max + 1);
      }),
      { numRuns: 3000 },
    );
  });
});
