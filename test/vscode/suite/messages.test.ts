import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Mock, answering, linkedInstance, removeInstance } from './support';

/** Send Test Message and the number check through VS Code's command API, against the mock. */
describe('messages: a test message and a number check', function () {
  this.timeout(60_000);
  let mock: Mock;
  const key = 'megastart-suite-messages1';
  const instance = () => ({ instance: mock.instance(key) });
  const run = (command: string, typed: string[] = []) =>
    answering(typed, () => vscode.commands.executeCommand(command, instance()), { notifications: 'dismiss' });

  before(async () => {
    mock = await Mock.connect();
    await linkedInstance(mock, key, 'messages-token');
  });
  after(async () => {
    await mock.reset();
    await removeInstance(mock.instance(key));
  });

  it('Send Test Message asks first, naming the account and the destination, then sends exactly that once', async () => {
    const { seen } = await run('megaapi.sendTestMessage', ['5511999999999', 'hello from the API suite']);
    const modal = seen.find((p) => p.kind === 'modal');
    assert.ok(modal, `no confirmation: ${JSON.stringify(seen)}`);
    const sent = await mock.sentMessages(key);
    assert.deepEqual(
      sent.map((m) => [m.to, m.text]),
      [['5511999999999', 'hello from the API suite']],
    );
    assert.ok(
      seen.some((p) => p.kind === 'information' && /sent/i.test(p.text)),
      JSON.stringify(seen),
    );
  });

  it('Is This Number on WhatsApp? says yes for a known number and no for another', async () => {
    const yes = await run('megaapi.checkNumber', ['5511999999999']);
    assert.ok(
      yes.seen.some((p) => /^Yes: /.test(p.text)),
      JSON.stringify(yes.seen),
    );
    const no = await run('megaapi.checkNumber', ['5511911112222']);
    assert.ok(
      no.seen.some((p) => /^No: /.test(p.text)),
      JSON.stringify(no.seen),
    );
  });
});
