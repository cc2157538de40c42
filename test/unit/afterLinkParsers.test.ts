import * as assert from 'node:assert/strict';
import { JsonReply } from '../../src/api/http';
import { numberCheckFromReply, sentFromReply } from '../../src/api/messages';
import { isNotLinked } from '../../src/api/notLinked';
import { replyForDisplay } from '../../src/api/rawReply';
import { webhookFromReply, webhookMessageData } from '../../src/api/webhook';
import { formatRecipient, parseRecipient } from '../../src/messages/recipient';
import { maskWebhookUrl, parseWebhookUrl, reachOf, shortWebhookUrl } from '../../src/webhook/webhookUrl';
import { recipientReason } from '../../src/messages/recipientReasons';
import { webhookUrlReason } from '../../src/webhook/webhookReasons';
import { PANEL_ACTIONS } from '../../src/qr/panelActions';
import { toPanelContent } from '../../src/qr/panelContent';
import { english } from './support';

function reply(body: unknown, status = 200): JsonReply {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let parsed: Record<string, unknown> | undefined;
  try {
    const value: unknown = JSON.parse(text);
    parsed = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as never) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status, body: parsed, text, retryAfter: null, receivedAt: 0 };
}

describe('parseRecipient', () => {
  it('takes a number typed as people type it, or a JID, as digits', () => {
    for (const raw of [
      '5511999999999',
      '+55 (11) 99999-9999',
      ' 5511999999999@s.whatsapp.net',
      '5511999999999:12@s.whatsapp.net',
      '5511999999999@c.us',
    ]) {
      assert.deepEqual(parseRecipient(raw), { ok: true, value: { kind: 'person', to: '5511999999999' } }, raw);
    }
  });

  it('takes both forms of group id, and refuses groups where only people make sense', () => {
    for (const id of ['120363000000000001@g.us', '5511999999999-1600000000@g.us']) {
      assert.deepEqual(parseRecipient(id), { ok: true, value: { kind: 'group', to: id } });
    }
    assert.deepEqual(parseRecipient('120363000000000001@G.US'), {
      ok: true,
      value: { kind: 'group', to: '120363000000000001@g.us' },
    });
    assert.deepEqual(parseRecipient('120363000000000001@g.us', { groups: false }), {
      ok: false,
      reason: 'groupNotHere',
    });
    assert.deepEqual(parseRecipient('abc@g.us'), { ok: false, reason: 'group' });
  });

  it('refuses what is no destination, with a reason the prompt can say', () => {
    const cases: Array<[string, string]> = [
      ['', 'empty'],
      ['55119999x9999', 'digits'],
      ['12345', 'length'],
      ['5511999999999@lid', 'digits'],
      ['someone@example.com', 'digits'],
    ];
    for (const [raw, reason] of cases) {
      const parsed = parseRecipient(raw);
      assert.deepEqual(parsed, { ok: false, reason }, raw);
      if (!parsed.ok) assert.ok(recipientReason(parsed.reason, english).length > 10);
    }
  });

  it('formats a person as a phone number and a group as its id', () => {
    assert.equal(formatRecipient({ kind: 'person', to: '5511999999999' }), '+55 11 99999-9999');
    assert.equal(formatRecipient({ kind: 'group', to: '120363000000000001@g.us' }), '120363000000000001@g.us');
  });
});

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

describe('after-link replies, parsed defensively', () => {
  it('reads a message id under key.id, or next to it, and sends without one', () => {
    assert.deepEqual(sentFromReply(reply({ error: false, key: { id: '3EB0ABC' } })), {
      ok: true,
      value: { id: '3EB0ABC' },
    });
    assert.deepEqual(sentFromReply(reply({ data: { key: { id: 'BAE5X' } } })), { ok: true, value: { id: 'BAE5X' } });
    assert.deepEqual(sentFromReply(reply({ messageId: 'M1' })), { ok: true, value: { id: 'M1' } });
    assert.deepEqual(sentFromReply(reply({ error: false, message: 'ok' })), { ok: true, value: { id: undefined } });
    assert.deepEqual(sentFromReply(reply({ key: { id: '<img src=x>' } })), { ok: true, value: { id: undefined } });
    assert.deepEqual(sentFromReply(reply({ error: true, message: 'Instance not connected' })), {
      ok: false,
      error: { kind: 'api', status: 200, message: 'Instance not connected' },
    });
  });

  it('reads exists, result or isOnWhatsApp, a list as Baileys sends it, and says unknown otherwise', () => {
    const yes = { ok: true, value: { answer: 'yes', jid: '5511999999999@s.whatsapp.net' } };
    assert.deepEqual(numberCheckFromReply(reply({ exists: true, jid: '5511999999999@s.whatsapp.net' })), yes);
    assert.deepEqual(
      numberCheckFromReply(reply({ result: [{ exists: true, jid: '5511999999999@s.whatsapp.net' }] })),
      yes,
    );
    assert.deepEqual(numberCheckFromReply(reply({ isOnWhatsApp: 'true' })), {
      ok: true,
      value: { answer: 'yes', jid: undefined },
    });
    assert.deepEqual(numberCheckFromReply(reply({ exists: true, jid: 'javascript:alert(1)' })), {
      ok: true,
      value: { answer: 'yes', jid: undefined },
    });
    assert.deepEqual(numberCheckFromReply(reply({ result: false })), { ok: true, value: { answer: 'no' } });
    assert.deepEqual(numberCheckFromReply(reply({ data: { exists: 0 } })), { ok: true, value: { answer: 'no' } });
    assert.deepEqual(numberCheckFromReply(reply({ error: false, whatever: 1 })), {
      ok: true,
      value: { answer: 'unknown' },
    });
    assert.deepEqual(numberCheckFromReply(reply({ exists: 'maybe' })), { ok: true, value: { answer: 'unknown' } });
  });

  it('reads the webhook under webhookData, data or the top, and keeps unknown fields', () => {
    const documented = webhookFromReply(
      reply({ error: false, webhookData: { webhookUrl: 'https://a.example/h', webhookEnabled: 'false', extra: [1] } }),
    );
    assert.deepEqual(documented, {
      ok: true,
      value: {
        url: 'https://a.example/h',
        enabled: false,
        secondaryUrl: undefined,
        fields: { webhookUrl: 'https://a.example/h', webhookEnabled: 'false', extra: [1] },
      },
    });
    const top = webhookFromReply(reply({ error: false, message: 'ok', webhookUrl: 'https://b.example', other: 2 }));
    assert.ok(top.ok);
    assert.deepEqual(top.value.fields, { webhookUrl: 'https://b.example', other: 2 });
    assert.equal(top.value.enabled, undefined);
    assert.deepEqual(webhookFromReply(reply({ webhookData: null })), { ok: true, value: { url: '', fields: {} } });
    const none = webhookFromReply(reply({ webhookData: { webhookUrl: null, webhookEnabled: false } }));
    assert.ok(none.ok && none.value.url === '');
    assert.deepEqual(webhookFromReply(reply({ error: false, message: 'ok' })), {
      ok: false,
      error: { kind: 'badPayload', status: 200, reason: 'shape' },
    });
    assert.deepEqual(webhookFromReply(reply({ webhookData: { webhookUrl: 42 } })), {
      ok: false,
      error: { kind: 'badPayload', status: 200, reason: 'shape' },
    });
  });

  it('writes the change over every field read, leaving out nulls and the flag when not given', () => {
    const read = {
      url: 'https://a.example',
      fields: { webhookUrl: 'https://a.example', webhookEnabled: true, s: null, k: 'v' },
    };
    assert.deepEqual(webhookMessageData(read, { url: 'https://b.example', enabled: false }), {
      webhookUrl: 'https://b.example',
      webhookEnabled: false,
      k: 'v',
    });
    assert.deepEqual(webhookMessageData(read, { url: 'https://c.example' }), {
      webhookUrl: 'https://c.example',
      webhookEnabled: true,
      k: 'v',
    });
  });

  it('recognises "not linked" in the words MegaAPI uses, and only in an application error', () => {
    for (const message of ['Instance not connected', 'instance disconnected', 'User not logged in', 'Not linked']) {
      assert.ok(isNotLinked({ kind: 'api', status: 200, message }), message);
    }
    assert.ok(!isNotLinked({ kind: 'api', status: 200, message: 'Invalid number' }));
    assert.ok(!isNotLinked({ kind: 'notFound', status: 404 }));
  });
});

describe('Show Reply text', () => {
  it('pretty-prints JSON and blanks the token wherever the server echoed it', () => {
    const shown = replyForDisplay('{"token":"tok-secret-1","nested":{"t":"Bearer tok-secret-1"}}', ['tok-secret-1']);
    assert.equal(shown.json, true);
    assert.ok(!shown.text.includes('tok-secret-1'));
    assert.match(shown.text, /\n {2}"token": "«token»"/);
  });

  it('finds a token with JSON-escaped characters too, and shows non-JSON as received', () => {
    const token = 'ab"cd\\ef';
    const shown = replyForDisplay(JSON.stringify({ echo: token }), [token]);
    assert.ok(!shown.text.includes(JSON.stringify(token).slice(1, -1)));
    assert.deepEqual(replyForDisplay('<html>Bad Gateway</html>', []), {
      text: '<html>Bad Gateway</html>',
      json: false,
    });
  });
});

describe('the panel once linked', () => {
  it('offers a test message, which runs the command with the panel instance', () => {
    const content = toPanelContent(
      { kind: 'connected', status: { status: 'connected', connected: true } },
      { kind: 'idle' },
      { host: 'api.example', key: 'megastart-abc', t: english, formatTime: () => '' },
    );
    assert.deepEqual(content.actions, [
      { id: 'sendTestMessage', label: 'Send a test message', primary: true, inWebview: undefined },
    ]);
    const ran: string[] = [];
    PANEL_ACTIONS.sendTestMessage.run({ runCommand: (command: string) => ran.push(command) } as never);
    assert.deepEqual(ran, ['megaapi.sendTestMessage']);
  });
});
