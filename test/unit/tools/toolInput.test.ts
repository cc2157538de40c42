import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { chooseInstance, choosePhone } from '../../../src/tools/toolInput';
import { instanceProblemText } from '../../../src/tools/toolText';
import { english } from '../support';

const A = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-a' };
const A_LOCAL = { baseUrl: 'http://127.0.0.1:3000', key: 'megastart-a' };
const B = { baseUrl: 'https://white.example.com/megaapi', key: 'megastart-b' };
const saved = [A, A_LOCAL, B];

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
