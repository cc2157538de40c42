import * as assert from 'node:assert/strict';
import { webhookUrlReason } from '../../../src/webhook/webhookReasons';
import { maskWebhookUrl, parseWebhookUrl, reachOf, shortWebhookUrl } from '../../../src/webhook/webhookUrl';
import { english } from '../support';

describe('parseWebhookUrl', () => {
  const cloud = { allowInsecureHttp: false, megaApiBaseUrl: 'https://apinocode01.megaapi.com.br' };
  const local = { allowInsecureHttp: false, megaApiBaseUrl: 'http://127.0.0.1:4010' };

  it('accepts a public https URL, query (the receiver secret) included', () => {
    assert.deepEqual(parseWebhookUrl(' https://hooks.example.com/megaapi?secret=abc ', cloud), {
      ok: true,
      value: 'https://hooks.example.com/megaapi?secret=abc',
    });
  });

  it('refuses this machine and private networks when MegaAPI runs elsewhere, whatever the scheme or the setting', () => {
    for (const url of [
      'https://localhost:3000/hook',
      'http://127.0.0.1/hook',
      'https://[::1]/x',
      'https://app.localhost/x',
    ]) {
      for (const allowInsecureHttp of [false, true]) {
        assert.deepEqual(
          parseWebhookUrl(url, { ...cloud, allowInsecureHttp }),
          { ok: false, reason: 'thisMachine' },
          url,
        );
      }
    }
    for (const url of [
      'https://192.168.0.10/hook',
      'https://10.1.2.3/x',
      'https://172.20.0.1/x',
      'https://[fd00::1]/x',
    ]) {
      assert.deepEqual(parseWebhookUrl(url, cloud), { ok: false, reason: 'privateNetwork' }, url);
    }
    assert.equal(webhookUrlReason('thisMachine', english).startsWith('MegaAPI cannot reach this machine'), true);
  });

  it('refuses this machine by default even when MegaAPI runs here too: the reason is the same', () => {
    for (const url of ['https://localhost:3000/hook', 'http://localhost:3000/hook', 'http://127.0.0.1:9/x']) {
      assert.deepEqual(parseWebhookUrl(url, local), { ok: false, reason: 'thisMachine' }, url);
    }
  });

  it('accepts a loopback webhook, http included, only for local development: the setting on and MegaAPI here', () => {
    const development = { ...local, allowInsecureHttp: true };
    for (const url of ['http://localhost:3000/hook', 'https://127.0.0.1/x', 'http://[::1]:8080/']) {
      assert.ok(parseWebhookUrl(url, development).ok, url);
    }
    assert.deepEqual(parseWebhookUrl('http://192.168.0.10/hook', development), { ok: false, reason: 'insecure' });
    assert.ok(parseWebhookUrl('https://192.168.0.10/hook', local).ok);
    assert.deepEqual(parseWebhookUrl('http://hooks.example.com/x', development), { ok: false, reason: 'insecure' });
  });

  it('refuses public http even with allowInsecureHttp: the webhook carries the customers messages', () => {
    assert.deepEqual(parseWebhookUrl('http://hooks.example.com/x', { ...cloud, allowInsecureHttp: true }), {
      ok: false,
      reason: 'insecure',
    });
  });

  it('refuses what is no usable URL', () => {
    const cases: Array<[string, string]> = [
      ['', 'empty'],
      ['hooks.example.com/x', 'scheme'],
      ['ftp://hooks.example.com/x', 'scheme'],
      ['javascript://alert(1)', 'scheme'],
      ['https://user:pw@hooks.example.com/x', 'userInfo'],
      ['https://hooks.example.com/x#part', 'fragment'],
      ['https://hooks.example.com/a b', 'whitespace'],
      ['https://', 'invalid'],
      [`https://hooks.example.com/${'a'.repeat(2100)}`, 'tooLong'],
    ];
    for (const [raw, reason] of cases) assert.deepEqual(parseWebhookUrl(raw, cloud), { ok: false, reason }, raw);
  });

  it('tells loopback, private and public literal addresses apart', () => {
    assert.equal(reachOf('127.0.0.2'), 'thisMachine');
    assert.equal(reachOf('0.0.0.0'), 'thisMachine');
    assert.equal(reachOf('169.254.1.1'), 'privateNetwork');
    assert.equal(reachOf('172.32.0.1'), 'public');
    assert.equal(reachOf('hooks.example.com'), 'public');
  });
});

describe('masking a webhook URL', () => {
  it('hides the query, the fragment and any credentials, and keeps the rest', () => {
    assert.equal(maskWebhookUrl('https://h.example/p/q?secret=s3cr3t&x=1'), 'https://h.example/p/q?…');
    assert.equal(maskWebhookUrl('https://u:pw@h.example/p#frag'), 'https://…@h.example/p#…');
    assert.equal(maskWebhookUrl('https://h.example/p'), 'https://h.example/p');
    assert.equal(maskWebhookUrl('not a url?token=s3cr3t'), 'not a url?…');
  });

  it('shortens for the sidebar without the scheme and never shows the query', () => {
    assert.equal(shortWebhookUrl('https://h.example/hook?secret=s3cr3t'), 'h.example/hook?…');
    const long = shortWebhookUrl(`https://h.example/${'x'.repeat(100)}?secret=s3cr3t`, 30);
    assert.equal(long.length, 30);
    assert.ok(long.endsWith('…') && !long.includes('s3cr3t'));
  });
});
