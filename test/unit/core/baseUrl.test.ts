import * as assert from 'node:assert/strict';
import { parseBaseUrl } from '../../../src/core/baseUrl';

describe('the host parser', () => {
  it('refuses empty, encoded or dot path segments, which would send the call elsewhere', () => {
    for (const raw of [
      'https://h//x',
      'https://h/a//b',
      'https://h/%2e%2e/x',
      'https://h/a%2Fb',
      'https://h/a/../b',
      'h\\x',
    ]) {
      assert.deepEqual(parseBaseUrl(raw), { ok: false, reason: 'path' }, raw);
    }
    assert.deepEqual(parseBaseUrl('https://white.label/api/v2/'), { ok: true, value: 'https://white.label/api/v2' });
  });
});

describe('parseBaseUrl', () => {
  it('adds https:// and drops trailing slashes, as users paste hosts', () => {
    assert.deepEqual(parseBaseUrl('apinocode01.megaapi.com.br/'), {
      ok: true,
      value: 'https://apinocode01.megaapi.com.br',
    });
    assert.deepEqual(parseBaseUrl('  https://API2.megaapi.com.br//  '), {
      ok: true,
      value: 'https://api2.megaapi.com.br',
    });
  });

  it('keeps a path prefix for white-label hosts', () => {
    assert.deepEqual(parseBaseUrl('https://whatsapp.example.com/megaapi/'), {
      ok: true,
      value: 'https://whatsapp.example.com/megaapi',
    });
  });

  it('refuses plain http off this machine unless allowed, and allows loopback', () => {
    assert.deepEqual(parseBaseUrl('http://api2.megaapi.com.br'), { ok: false, reason: 'insecure' });
    assert.equal(parseBaseUrl('http://api2.megaapi.com.br', { allowInsecureHttp: true }).ok, true);
    assert.deepEqual(parseBaseUrl('http://127.0.0.1:3000/'), { ok: true, value: 'http://127.0.0.1:3000' });
    assert.equal(parseBaseUrl('http://localhost:3000').ok, true);
  });

  it('refuses credentials, queries, fragments, other schemes and junk, with a reason', () => {
    assert.deepEqual(parseBaseUrl('https://user:pass@api2.megaapi.com.br'), { ok: false, reason: 'userInfo' });
    assert.deepEqual(parseBaseUrl('https://api2.megaapi.com.br/?x=1'), { ok: false, reason: 'queryOrFragment' });
    assert.deepEqual(parseBaseUrl('https://api2.megaapi.com.br/#top'), { ok: false, reason: 'queryOrFragment' });
    assert.deepEqual(parseBaseUrl('ftp://api2.megaapi.com.br'), { ok: false, reason: 'scheme' });
    assert.deepEqual(parseBaseUrl('https://api2 .megaapi.com.br'), { ok: false, reason: 'whitespace' });
    assert.deepEqual(parseBaseUrl(''), { ok: false, reason: 'empty' });
    assert.deepEqual(parseBaseUrl('x'.repeat(1_000_000)), { ok: false, reason: 'tooLong' });
    assert.equal(parseBaseUrl('https://[::1').ok, false);
  });
});
