import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Mock, answering, closeAllEditors, manifest, removeInstance, setToken, sleep } from './support';

/**
 * Every command, handed hostile arguments or pointed at a server that answers
 * garbage, ends with words for the user: no exception escapes to VS Code and
 * no promise is left rejected unhandled.
 */
describe('every command against hostile input and a broken server', function () {
  this.timeout(180_000);
  let mock: Mock;
  const key = 'megastart-suite-robust1';
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  before(async () => {
    mock = await Mock.connect();
    await mock.addInstance(key, 'robust-token');
    await setToken(mock.instance(key), 'robust-token');
    process.on('unhandledRejection', onRejection);
  });
  after(async () => {
    process.off('unhandledRejection', onRejection);
    await mock.reset();
    await removeInstance(mock.instance(key));
    await closeAllEditors();
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  const commands = () => manifest().contributes.commands.map((c) => c.command);

  /** Runs a command, answering prompts; a command still waiting after a few seconds is left to its prompt. */
  async function run(command: string, arg: unknown, typed: string[] = []): Promise<unknown> {
    const settled = answering(typed, () => vscode.commands.executeCommand(command, arg), {
      notifications: 'dismiss',
    }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    const outcome = await Promise.race([settled, sleep(5_000).then(() => 'waiting')]);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    return outcome;
  }

  const hostile: Array<[string, unknown]> = [
    ['a host with an empty path segment', { instance: { baseUrl: 'https://h//x', key } }],
    ['a javascript: host', { instance: { baseUrl: 'javascript:alert(1)', key } }],
    ['a path-escaping key', '../../etc/passwd'],
    ['a number', 42],
    ['an instance that is null', { instance: null }],
    ['a key whose toString throws', { instance: { key: { toString: () => assert.fail('read') } } }],
  ];

  for (const [name, arg] of hostile) {
    it(`refuses ${name} in every command, with no exception`, async () => {
      await mock.clearRequests();
      for (const command of commands()) {
        const outcome = await run(command, arg);
        assert.ok(outcome === 'resolved' || outcome === 'waiting', `${command} rejected: ${String(outcome)}`);
      }
      assert.deepEqual(rejections, []);
      const sent = (await mock.requests()).filter((r) => r.path.includes('/etc') || r.path.includes('//'));
      assert.deepEqual(sent, [], 'a hostile argument reached the server');
    });
  }

  /** What a user would type into each command's prompts; the others get Esc. */
  const answers: Record<string, string[]> = {
    'megaapi.setToken': ['robust-token'],
    'megaapi.pairingCode': ['5511999999999'],
    'megaapi.sendTestMessage': ['5511999999999', 'hello'],
    'megaapi.checkNumber': ['5511999999999'],
    'megaapi.setWebhook': ['https://example.com/hook'],
  };
  // These change or forget the instance itself; the loop needs it as it is.
  const leaveAlone = new Set(['megaapi.removeInstance', 'megaapi.clearToken']);

  it('every command on an instance whose server answers garbage ends in words, not exceptions', async () => {
    const instance = { instance: mock.instance(key) };
    const replies = [
      { status: 200, body: '<html>not json</html>', contentType: 'text/html' },
      { status: 200, body: '{"error":"true","message":"[x](command:workbench.action.reloadWindow)"}' },
      { status: 200, body: '{"qrcode":42,"instance":"nope","pairingCode":{}}' },
      { resetMidBody: true },
    ];
    for (const reply of replies) {
      await mock.fault({ ...reply, count: 1_000 });
      for (const command of commands().filter((c) => !leaveAlone.has(c))) {
        const outcome = await run(command, instance, answers[command] ?? []);
        assert.ok(outcome === 'resolved' || outcome === 'waiting', `${command} rejected: ${String(outcome)}`);
      }
      await closeAllEditors();
      await mock.reset();
    }
    await sleep(500);
    assert.deepEqual(rejections, []);
  });
});
