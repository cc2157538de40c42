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

describe('the reachable-by-MegaAPI rule, for every form the audit found accepted', () => {
  const cloud = { allowInsecureHttp: false, megaApiBaseUrl: 'https://api2.megaapi.com.br' };
  const cases: Array<[string, string]> = [
    ['https://[::ffff:127.0.0.1]/x', 'thisMachine'],
    ['https://[::ffff:7f00:1]/x', 'thisMachine'],
    ['https://[::127.0.0.1]/x', 'thisMachine'],
    ['https://[::ffff:10.0.0.1]/x', 'privateNetwork'],
    ['https://[::ffff:192.168.1.1]/x', 'privateNetwork'],
    ['https://[::192.168.1.1]/x', 'privateNetwork'],
    ['https://[::ffff:0:10.1.1.1]/x', 'privateNetwork'],
    ['https://[64:ff9b::127.0.0.1]/x', 'thisMachine'],
    ['https://[64:ff9b::10.0.0.1]/x', 'privateNetwork'],
    ['https://[64:ff9b:1::a00:1]/x', 'privateNetwork'],
    ['https://[2002:7f00:1::]/x', 'thisMachine'],
    ['https://[2002:c0a8:101::1]/x', 'privateNetwork'],
    ['https://[::]/x', 'thisMachine'],
    ['https://localhost./x', 'thisMachine'],
    ['https://app.localhost./x', 'thisMachine'],
    ['https://0.1.2.3/x', 'thisMachine'],
    ['https://0x7f.1/x', 'thisMachine'],
    ['https://2130706433/x', 'thisMachine'],
    ['https://100.64.0.1/x', 'privateNetwork'],
    ['https://100.127.255.254/x', 'privateNetwork'],
    ['https://198.18.0.1/x', 'special'],
    ['https://198.19.255.1/x', 'special'],
    ['https://224.0.0.1/x', 'special'],
    ['https://239.255.255.250/x', 'special'],
    ['https://255.255.255.255/x', 'special'],
    ['https://[ff02::1]/x', 'special'],
    ['https://[fec0::1]/x', 'privateNetwork'],
    ['https://[fe80::1]/x', 'privateNetwork'],
    ['https://intranet/x', 'localName'],
    ['https://printer.local/x', 'localName'],
    ['https://hooks.corp.internal/x', 'localName'],
    ['https://nas.home.arpa/x', 'localName'],
  ];
  for (const [url, reason] of cases) {
    it(`refuses ${url} (${reason})`, () => {
      assert.deepEqual(parseWebhookUrl(url, cloud), { ok: false, reason }, url);
      assert.ok(webhookUrlReason(reason as never, english).length > 20);
    });
  }

  it('still accepts public addresses, IPv4 and IPv6, and public IPv4 inside IPv6', () => {
    for (const url of [
      'https://hooks.example.com/x',
      'https://100.128.0.1/x',
      'https://8.8.8.8/x',
      'https://[2606:4700::1111]/x',
      'https://[::ffff:8.8.8.8]/x',
      'https://[2002:808:808::1]/x',
      'https://n8n.example.com./webhook/x',
    ]) {
      assert.ok(parseWebhookUrl(url, cloud).ok, url);
    }
  });

  it('accepts a private address or a local name when MegaAPI itself is on the same network', () => {
    const onPremises = { allowInsecureHttp: false, megaApiBaseUrl: 'https://megaapi.corp.internal' };
    assert.ok(parseWebhookUrl('https://hooks.corp.internal/x', onPremises).ok);
    assert.ok(parseWebhookUrl('https://10.0.0.5/x', onPremises).ok);
    assert.deepEqual(parseWebhookUrl('https://224.0.0.1/x', onPremises), { ok: false, reason: 'special' });
  });
});

describe('masking a webhook URL', () => {
  it('hides the query, the fragment and any credentials, and keeps the rest', () => {
    assert.equal(maskWebhookUrl('https://h.example/p/q?secret=s3cr3t&x=1'), 'https://h.example/p/…?…');
    assert.equal(maskWebhookUrl('https://u:pw@h.example/p#frag'), 'https://…@h.example/p#…');
    assert.equal(maskWebhookUrl('https://h.example/p'), 'https://h.example/p');
    assert.equal(maskWebhookUrl('not a url?token=s3cr3t'), 'not a url?…');
  });

  it('hides secrets in the path too: n8n, Make, Zapier and Telegram-style URLs', () => {
    const cases: Array<[string, string, string]> = [
      [
        'https://n8n.example.com/webhook/7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b',
        'https://n8n.example.com/webhook/…',
        '7f1c2a9e',
      ],
      ['https://hook.eu1.make.com/abcdefghijklmnopqrstuvwxyz123456', 'https://hook.eu1.make.com/…', 'abcdefghij'],
      ['https://hooks.zapier.com/hooks/catch/1234567/abcdefg/', 'https://hooks.zapier.com/hooks/…', '1234567'],
      ['https://api.telegram.org/bot123456:ABC-DEF1234ghIkl/sendMessage', 'https://api.telegram.org/…', 'ABC-DEF'],
      ['https://h.example/', 'https://h.example/', ''],
      ['https://h.example/megaapi', 'https://h.example/megaapi', ''],
    ];
    for (const [url, masked, secret] of cases) {
      assert.equal(maskWebhookUrl(url), masked, url);
      if (secret) assert.ok(!shortWebhookUrl(url).includes(secret), url);
    }
    assert.equal(maskWebhookUrl('not a url/s3cr3t'), 'not a url/…');
  });

  it('shortens for the sidebar without the scheme and never shows the query', () => {
    assert.equal(shortWebhookUrl('https://h.example/hook?secret=s3cr3t'), 'h.example/hook?…');
    const long = shortWebhookUrl(`https://${'x'.repeat(100)}.example/hook?secret=s3cr3t`, 30);
    assert.equal(long.length, 30);
    assert.ok(long.endsWith('…') && !long.includes('s3cr3t'));
  });
});
