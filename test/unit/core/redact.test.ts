import * as assert from 'node:assert/strict';
import { replyForDisplay } from '../../../src/api/rawReply';
import { REDACTED, SecretRegistry, heldSecrets, secretForms } from '../../../src/core/redact';
import { logLine, serverText } from '../../../src/core/serverText';
import { entryFromStatus } from '../../../src/instances/statusCache';
import { TokenStore } from '../../../src/instances/tokenStore';
import { describeInstance } from '../../../src/sidebar/describeInstance';
import { describeError } from '../../../src/text/errorText';
import { english, MapSecrets } from '../support';

const TOKEN = 'Mk7pQ2vX9wLr4TzN8bYc';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Every form a server could echo, as the issue lists them. */
const ECHOES: Array<[string, string]> = [
  ['exact', TOKEN],
  ['JSON-escaped', JSON.stringify({ t: TOKEN }).slice(6, -2)],
  ['JSON with escaped slashes', JSON.stringify('ab/cd"ef\\gh-0123456789').slice(1, -1).replace(/\//g, '\\/')],
  ['URL-escaped', encodeURIComponent('tok en/+=?&0123456789')],
  ['base64', b64(TOKEN)],
  ['base64 of Bearer', b64(`Bearer ${TOKEN}`)],
  ['base64url of Bearer', b64(`Bearer ${TOKEN}`).replace(/\+/g, '-').replace(/\//g, '_')],
  ['base64 inside a longer base64 text', b64(`{"authorization":"Bearer ${TOKEN}"}`)],
  ['upper case', TOKEN.toUpperCase()],
  ['lower case', TOKEN.toLowerCase()],
  ['a prefix of 12', TOKEN.slice(0, 12)],
];

describe('redact: every token this machine holds is blanked in every form', () => {
  const registry = new SecretRegistry();
  registry.add(TOKEN);
  registry.add('ab/cd"ef\\gh-0123456789');
  registry.add('tok en/+=?&0123456789');

  for (const [form, echoed] of ECHOES) {
    it(`blanks the ${form} form`, () => {
      const text = `before ${echoed} after`;
      const shown = registry.redact(text);
      assert.ok(shown.includes(REDACTED), shown);
      assert.ok(shown.startsWith('before '), shown);
      assert.ok(!shown.includes(echoed), shown);
      if (!form.includes('inside')) assert.equal(shown, `before ${REDACTED} after`);
    });
  }

  it('leaves ordinary text and a prefix shorter than 12 alone', () => {
    assert.equal(registry.redact('connected, all fine'), 'connected, all fine');
    assert.equal(registry.redact(`id ${TOKEN.slice(0, 8)}`), `id ${TOKEN.slice(0, 8)}`);
  });

  it('ignores secrets too short to be a token', () => {
    const small = new SecretRegistry();
    small.add('ab');
    assert.equal(small.redact('ab cab'), 'ab cab');
  });

  it('has a base64 form for each alignment', () => {
    assert.ok(secretForms(TOKEN).length >= 8);
  });
});

describe('a reply that echoes the token never reaches a sink', () => {
  const instance = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-abc' };
  const other = 'Zq8sWn3Ke5Hu7Jd2Lp0R';

  before(async () => {
    // The token store registers what it reads and stores, for every instance and host.
    const secrets = new MapSecrets();
    secrets.values.set(TokenStore.id(instance), TOKEN);
    const store = new TokenStore(secrets);
    await store.get(instance);
    await store.set({ baseUrl: 'https://api4.megaapi.com.br', key: 'megastart-xyz' }, other);
  });
  after(() => heldSecrets.clear());

  const leaks = (text: string) =>
    [TOKEN, other, TOKEN.slice(0, 12), TOKEN.toLowerCase(), b64(TOKEN).slice(0, 16)].some((s) => text.includes(s));

  it('serverText and logLine blank it without being told', () => {
    for (const [, echoed] of ECHOES.filter(([form]) => !form.startsWith('JSON') && form !== 'URL-escaped')) {
      assert.ok(!leaks(serverText(`token=${echoed}`)), echoed);
      assert.ok(!leaks(logLine(`token=${echoed}\n`)), echoed);
    }
    assert.ok(!leaks(serverText(`other host ${other}`)));
  });

  it('a notification text (describeError) and a sidebar tooltip do not carry it', () => {
    const error = describeError(
      { kind: 'api', status: 400, message: `bad token Bearer ${TOKEN}` },
      { host: 'api2.megaapi.com.br', key: instance.key },
      english,
    );
    assert.ok(!leaks(error.message), error.message);
    const look = describeInstance(
      instance,
      entryFromStatus({ status: `qr_pending ${TOKEN}`, connected: false, user: { id: '1@s', name: TOKEN } }),
      english,
    );
    assert.ok(!leaks([look.description, ...look.tooltip].join('\n')), look.tooltip.join('\n'));
    const linked = describeInstance(
      instance,
      entryFromStatus({
        status: 'connected',
        connected: true,
        user: { id: '5511987654321@s.whatsapp.net', name: TOKEN },
      }),
      english,
    );
    assert.ok(!leaks(String(linked.description)), String(linked.description));
  });

  it('Show Reply blanks every held token, also where it was not passed', () => {
    const shown = replyForDisplay(JSON.stringify({ a: TOKEN, b: other, c: b64(`Bearer ${TOKEN}`) }), []);
    assert.ok(!leaks(shown.text), shown.text);
  });
});
