import * as assert from 'node:assert/strict';
import { CONFIRMATIONS } from '../../../src/tools/confirmations';
import { english } from '../support';

const A = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-a' };
const A_LOCAL = { baseUrl: 'http://127.0.0.1:3000', key: 'megastart-a' };
const B = { baseUrl: 'https://white.example.com/megaapi', key: 'megastart-b' };
const saved = [A, A_LOCAL, B];

describe('agent tools: what the user confirms', () => {
  it('asks before anything that changes an instance or reaches a phone, and only then', () => {
    assert.deepEqual(Object.keys(CONFIRMATIONS).sort(), [
      'megaapi_logout_instance',
      'megaapi_request_pairing_code',
      'megaapi_restart_instance',
      'megaapi_send_test_message',
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
