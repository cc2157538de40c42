import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { InstanceStatus } from '../../src/api/replies';
import { CONFIRMATIONS } from '../../src/tools/confirmations';
import { choosePhone, chooseInstance } from '../../src/tools/toolInput';
import { TOOL_NAMES } from '../../src/tools/toolNames';
import { MAX_LISTED, instanceProblemText, listText, stateLine, statusText } from '../../src/tools/toolText';
import { describeError } from '../../src/text/errorText';
import { english } from './support';

const A = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-a' };
const A_LOCAL = { baseUrl: 'http://127.0.0.1:3000', key: 'megastart-a' };
const B = { baseUrl: 'https://white.example.com/megaapi', key: 'megastart-b' };
const saved = [A, A_LOCAL, B];

interface ToolContribution {
  name: string;
  displayName: string;
  modelDescription: string;
  userDescription?: string;
  toolReferenceName?: string;
  canBeReferencedInPrompt?: boolean;
  inputSchema?: { properties?: Record<string, { description?: string }>; required?: string[] };
}

describe('agent tools: which instance', () => {
  it('takes the only saved instance with the key, host or not', () => {
    assert.deepEqual(chooseInstance({ key: 'megastart-b' }, saved), { ok: true, instance: B });
    assert.deepEqual(chooseInstance({ key: ' megastart-b ', host: '' }, saved), { ok: true, instance: B });
  });

  it('tells the hosts apart by base URL or by the host the sidebar shows', () => {
    for (const host of ['api2.megaapi.com.br', 'https://api2.megaapi.com.br/', 'API2.megaapi.com.br']) {
      assert.deepEqual(chooseInstance({ key: 'megastart-a', host }, saved), { ok: true, instance: A }, host);
    }
    for (const host of ['127.0.0.1:3000', 'http://127.0.0.1:3000']) {
      assert.deepEqual(chooseInstance({ key: 'megastart-a', host }, saved), { ok: true, instance: A_LOCAL }, host);
    }
    assert.deepEqual(chooseInstance({ key: 'megastart-b', host: 'https://white.example.com/megaapi' }, saved), {
      ok: true,
      instance: B,
    });
  });

  it('lists the candidates when the key is on several hosts and no host is given', () => {
    const choice = chooseInstance({ key: 'megastart-a' }, saved);
    assert.deepEqual(choice, {
      ok: false,
      problem: { kind: 'ambiguous', key: 'megastart-a', candidates: [A, A_LOCAL] },
    });
    const text = !choice.ok ? instanceProblemText(choice.problem, english) : '';
    assert.match(text, /api2\.megaapi\.com\.br, 127\.0\.0\.1:3000/);
    assert.match(text, /host parameter/);
  });

  it('acts on saved instances only, and says which exist', () => {
    const unknownHost = chooseInstance({ key: 'megastart-b', host: 'evil.example.com' }, saved);
    assert.equal(unknownHost.ok, false);
    assert.match(
      !unknownHost.ok ? instanceProblemText(unknownHost.problem, english) : '',
      /saved on: white\.example\.com/,
    );
    const unknownKey = chooseInstance({ key: 'megastart-zzz' }, saved);
    const text = !unknownKey.ok ? instanceProblemText(unknownKey.problem, english) : '';
    assert.match(text, /No saved instance has the key megastart-zzz/);
    assert.match(text, /megastart-b on white\.example\.com/);
    const none = chooseInstance({ key: 'megastart-a' }, []);
    assert.match(!none.ok ? instanceProblemText(none.problem, english) : '', /No MegaAPI instance is saved/);
  });

  it('parses the key as the input box does, whatever the model sends', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const choice = chooseInstance(input, saved);
        if (!choice.ok) return;
        assert.ok(saved.some((s) => s.key === choice.instance.key && s.baseUrl === choice.instance.baseUrl));
      }),
    );
    assert.deepEqual(chooseInstance({ key: '../x' }, saved), {
      ok: false,
      problem: { kind: 'key', reason: 'characters' },
    });
    assert.deepEqual(chooseInstance({}, saved), { ok: false, problem: { kind: 'key', reason: 'empty' } });
  });

  it('takes a phone number as typed, or says why not', () => {
    assert.deepEqual(choosePhone({ phone: '+55 (11) 99999-9999' }), { ok: true, digits: '5511999999999' });
    assert.deepEqual(choosePhone({ phone: 5511999999999 }), { ok: true, digits: '5511999999999' });
    assert.deepEqual(choosePhone({ phone: 'call me' }), { ok: false, reason: 'digits' });
    assert.deepEqual(choosePhone({}), { ok: false, reason: 'empty' });
  });
});

describe('agent tools: what they answer', () => {
  const linked: InstanceStatus = {
    status: 'connected',
    connected: true,
    user: { id: '5511988887777:3@s.whatsapp.net', name: 'Loja [x](command:evil)' },
  };

  it('gives the state and the linked account, with the server’s words made inert', () => {
    const text = statusText(A, { ok: true, value: linked }, english);
    assert.match(text, /^megastart-a on api2\.megaapi\.com\.br is connected to WhatsApp, linked to Loja/);
    assert.match(text, /\+55 11 98888-7777/);
    assert.ok(!text.includes('](command:'));
    const odd = statusText(A, { ok: true, value: { status: 'qr<b>\u202e', connected: false } }, english);
    assert.match(odd, /not linked to WhatsApp \(state: qr‹b›\)/);
  });

  it('answers an error with the panel’s words', () => {
    const error = { kind: 'unauthorized', status: 401 } as const;
    const expected = describeError(error, { host: 'api2.megaapi.com.br', key: 'megastart-a' }, english).message;
    assert.equal(statusText(A, { ok: false, error }, english), expected);
    assert.equal(stateLine(A, { kind: 'error', error }, english), `megastart-a on api2.megaapi.com.br: ${expected}`);
  });

  it('lists every saved instance with its last known state, within a bound', () => {
    const text = listText(
      [
        { instance: A, entry: { kind: 'connected', status: linked } },
        { instance: B, entry: { kind: 'noToken' } },
        { instance: A_LOCAL, entry: undefined },
      ],
      english,
    );
    assert.deepEqual(text.split('\n'), [
      'Saved MegaAPI instances (3):',
      '- megastart-a on api2.megaapi.com.br: connected, linked to Loja [x] (command:evil) · +55 11 98888-7777',
      '- megastart-b on white.example.com: no token stored on this machine',
      '- megastart-a on 127.0.0.1:3000: not checked yet',
    ]);
    const many = Array.from({ length: MAX_LISTED + 7 }, (_, i) => ({
      instance: { baseUrl: A.baseUrl, key: `k${i}` },
      entry: undefined,
    }));
    const lines = listText(many, english).split('\n');
    assert.equal(lines.length, MAX_LISTED + 2);
    assert.equal(lines.at(-1), '- and 7 more');
  });
});

describe('agent tools: what the user confirms', () => {
  it('asks before anything that changes an instance or reaches a phone, and only then', () => {
    assert.deepEqual(Object.keys(CONFIRMATIONS).sort(), [
      'megaapi_logout_instance',
      'megaapi_request_pairing_code',
      'megaapi_restart_instance',
    ]);
  });

  it('names the instance and the host the saved list resolves to', () => {
    const logout = CONFIRMATIONS.megaapi_logout_instance!(
      { key: 'megastart-a', host: '127.0.0.1:3000' },
      saved,
      english,
    );
    assert.equal(logout.title, 'Log out megastart-a on 127.0.0.1:3000?');
    const pairing = CONFIRMATIONS.megaapi_request_pairing_code!(
      { key: 'megastart-b', phone: '5511999999999' },
      saved,
      english,
    );
    assert.equal(pairing.title, 'Request a pairing code for megastart-b on white.example.com?');
    assert.match(
      pairing.message,
      /links the phone \+55 11 99999-9999 to the instance megastart-b on white\.example\.com/,
    );
    const restart = CONFIRMATIONS.megaapi_restart_instance!({ key: 'megastart-b' }, saved, english);
    assert.match(restart.message, /^megastart-b on white\.example\.com is offline/);
  });

  it('still asks when nothing saved matches, without repeating the model’s host', () => {
    const odd = CONFIRMATIONS.megaapi_logout_instance!(
      { key: 'megastart-a', host: '[click](command:x)' },
      saved,
      english,
    );
    assert.equal(odd.title, 'Log out megastart-a on a host that matches no saved instance?');
    const invalid = CONFIRMATIONS.megaapi_restart_instance!({ key: '../../x' }, saved, english);
    assert.match(invalid.title, /^Restart an invalid key on a host that matches no saved instance\?$/);
  });
});

describe('agent tools: the manifest', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { languageModelTools: ToolContribution[] };
  };
  const english = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
  const tools = manifest.contributes.languageModelTools;

  it('declares exactly the tools the code registers, named megaapi_{verb}_{noun}', () => {
    assert.deepEqual(tools.map((tool) => tool.name).sort(), [...TOOL_NAMES].sort());
    for (const tool of tools) assert.match(tool.name, /^megaapi_[a-z]+_[a-z_]+$/);
  });

  it('localises what users and models read, and offers the tools to agent mode', () => {
    const localised = (value: string | undefined) => /^%[^%]+%$/.test(value ?? '') && value!.slice(1, -1) in english;
    for (const tool of tools) {
      assert.ok(localised(tool.displayName), `${tool.name} displayName`);
      assert.ok(localised(tool.modelDescription), `${tool.name} modelDescription`);
      assert.ok(localised(tool.userDescription), `${tool.name} userDescription`);
      assert.equal(tool.canBeReferencedInPrompt, true, tool.name);
      assert.match(tool.toolReferenceName ?? '', /^[\w-]+$/);
      for (const [name, property] of Object.entries(tool.inputSchema?.properties ?? {})) {
        assert.ok(localised(property.description), `${tool.name}.${name}`);
      }
      if (tool.name !== 'megaapi_list_instances') assert.ok(tool.inputSchema?.required?.includes('key'), tool.name);
    }
  });
});
