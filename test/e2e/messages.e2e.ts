import * as assert from 'node:assert/strict';
import { waitFor } from './harness/processes';
import { Stack, startLinkedStack } from './harness/stack';

const KEY = 'megastart-messages1';
const TOKEN = 'token-messages-8c2d';

describe('messages: a test message and a number check', function () {
  let stack: Stack;

  before(async () => {
    stack = await startLinkedStack(KEY, TOKEN);
  });
  after(async () => stack?.stop());

  it('a test message from the connected panel reaches MegaAPI with the right body, only after the confirmation', async () => {
    const { workbench, mock } = stack;
    const text = 'Test from the e2e suite ✅';
    await workbench.clickInPanel('button[data-action="sendTestMessage"]');
    await workbench.answer('To: a WhatsApp number', '+55 11 91234-5678');
    await workbench.prompt('The text of the test message');
    assert.match(await stack.workbench.inputValue(), new RegExp(`instance ${KEY} works`), 'the text is prefilled');
    await workbench.answer('The text of the test message', text);

    await stack.workbench.dialog().waitFor();
    const asked = await stack.workbench.dialog().innerText();
    for (const part of [KEY, 'Loja Teste', '+55 11 98765-4321', '+55 11 91234-5678', text]) {
      assert.ok(asked.includes(part), `the confirmation names ${part}: ${asked}`);
    }
    assert.deepEqual(await mock.sentMessages(KEY), [], 'nothing is sent before the confirmation');
    await stack.workbench
      .dialog()
      .locator('.dialog-buttons .monaco-button', { hasText: /^Send$/ })
      .click();

    const [sent] = await waitFor('the message at the mock', async () => {
      const messages = await mock.sentMessages(KEY);
      return messages.length > 0 ? messages : undefined;
    });
    assert.deepEqual([sent.to, sent.text], ['5511912345678', text]);
    const posts = (await mock.requests(KEY)).filter((r) => r.method === 'POST');
    assert.deepEqual(
      posts.map((r) => [r.path, r.body]),
      [[`/rest/sendMessage/${KEY}/text`, { messageData: { to: '5511912345678', text } }]],
    );

    await stack.workbench.notification(sent.id).waitFor();
    await stack.workbench.clickNotificationButton(sent.id, 'Show Reply');
    const editor = workbench.page.locator('.monaco-editor .view-lines').last();
    await waitFor('the reply in an editor', async () =>
      (await editor.innerText()).includes(sent.id) ? true : undefined,
    );
    assert.ok(!(await editor.innerText()).includes(TOKEN));
    await workbench.runCommand('View: Close All Editors');
  });

  it('a second test message from the palette starts from the last destination', async () => {
    const { workbench } = stack;
    await workbench.runCommand('MegaAPI: Send Test Message');
    await workbench.prompt('To: a WhatsApp number');
    assert.equal(await stack.workbench.inputValue(), '5511912345678');
    await workbench.pressEscape();
  });

  it('a number check says yes for a number WhatsApp knows and no for one it does not', async () => {
    const { workbench, mock } = stack;
    const asked = async () =>
      (await mock.requests(KEY))
        .filter((r) => r.path === `/rest/instance/isOnWhatsApp/${KEY}`)
        .map((r) => new URLSearchParams(r.query).get('jid'));
    await mock.addKnownNumber(KEY, '5521988887777');
    for (const [digits, answer] of [
      ['5521988887777', 'Yes: +55 21 98888-7777 is on WhatsApp. Its JID is 5521988887777@s.whatsapp.net.'],
      ['5511900001111', 'No: +55 11 90000-1111 is not on WhatsApp.'],
    ]) {
      await workbench.runCommand('MegaAPI: Is This Number on WhatsApp?');
      await workbench.prompt('Is this number on WhatsApp?');
      assert.equal(await stack.workbench.inputValue(), '5511912345678', 'prefilled with the last test destination');
      await workbench.answer('Is this number on WhatsApp?', digits);
      await waitFor(`the check of ${digits} at the mock`, async () =>
        (await asked()).includes(`${digits}@s.whatsapp.net`) ? true : undefined,
      );
      await stack.workbench.notification(answer).waitFor();
      await stack.workbench.settleNotifications();
    }
    assert.deepEqual(await asked(), ['5521988887777@s.whatsapp.net', '5511900001111@s.whatsapp.net']);
  });
});
