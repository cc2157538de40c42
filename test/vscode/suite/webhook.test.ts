import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Mock, answering, linkedInstance, removeInstance } from './support';

/** Set Webhook, Enable/Disable and Restore through VS Code's command API, against the mock's webhook. */
describe('the webhook: set, disable and restore', function () {
  this.timeout(60_000);
  let mock: Mock;
  const key = 'megastart-suite-webhook1';
  const instance = () => ({ instance: mock.instance(key) });
  const run = (command: string, typed: string[] = []) =>
    answering(typed, () => vscode.commands.executeCommand(command, instance()), { notifications: 'dismiss' });

  before(async () => {
    mock = await Mock.connect();
    await linkedInstance(mock, key, 'webhook-token');
  });
  after(async () => {
    await mock.reset();
    await removeInstance(mock.instance(key));
  });

  it('Set Webhook, Disable, then Restore Previous Webhook put the original back', async () => {
    const original = await mock.webhook(key);
    await run('megaapi.setWebhook', ['https://hooks.example.com/suite?secret=s3']);
    assert.equal((await mock.webhook(key)).webhookUrl, 'https://hooks.example.com/suite?secret=s3');
    const toggled = await run('megaapi.toggleWebhook');
    assert.ok(
      toggled.seen.some((prompt) => prompt.kind === 'modal' && prompt.text.includes('Disable the webhook')),
      'Disable asks first, as Restore does',
    );
    assert.equal((await mock.webhook(key)).webhookEnabled, false);
    await run('megaapi.restoreWebhook');
    const restored = await mock.webhook(key);
    assert.deepEqual([restored.webhookUrl, restored.webhookEnabled], [original.webhookUrl, original.webhookEnabled]);
  });
});
