import * as assert from 'node:assert/strict';
import { defineTool } from '../../../src/tools/toolKit';
import { TOOLS } from '../../../src/tools/toolTable';
import { A, caller, toolWorld } from './fakes';

describe('agent tools: a person confirms what acts', () => {
  it('asks in VS Code, naming the client, the instance, the host and the action, before sending', async () => {
    const world = toolWorld({ reply: () => ({ key: { id: 'BAE5X' } }) });
    const tool = defineTool('megaapi_send_test_message', TOOLS.megaapi_send_test_message(world.deps), world.deps);
    const text = await tool.invoke({ key: A.key, to: '5511999999999', text: 'hi' }, caller());
    assert.equal(world.asked.length, 1);
    const [question] = world.asked;
    assert.equal(question.client, 'the MCP client "Probe"');
    assert.equal(
      question.title,
      'Send a real WhatsApp message from megastart-a on api2.megaapi.com.br to +55 11 99999-9999?',
    );
    assert.match(question.message, /The text: hi$/);
    assert.deepEqual(
      world.called.map((c) => c.what),
      ['Send message'],
    );
    assert.match(
      text,
      /^The message was sent from megastart-a to \+55 11 99999-9999\. Message id: \[data from MegaAPI/,
    );
  });

  it('does nothing and says so when the person declines', async () => {
    const world = toolWorld({ allow: false });
    for (const name of ['megaapi_send_test_message', 'megaapi_logout_instance', 'megaapi_restart_instance'] as const) {
      const tool = defineTool(name, TOOLS[name](world.deps), world.deps);
      const text = await tool.invoke({ key: A.key, to: '5511999999999', text: 'hi' }, caller());
      assert.match(text, /^The user declined this in VS Code, so nothing was done/);
    }
    assert.equal(world.asked.length, 3);
    assert.deepEqual(world.called, []);
  });

  it('asks nothing for what only reads', async () => {
    const world = toolWorld({ reply: () => ({ exists: true, jid: '5511999999999@s.whatsapp.net' }) });
    for (const name of [
      'megaapi_check_number',
      'megaapi_get_webhook',
      'megaapi_list_groups',
      'megaapi_recent_events',
    ] as const) {
      const tool = defineTool(name, TOOLS[name](world.deps), world.deps);
      await tool.invoke({ key: A.key, phone: '5511999999999' }, caller());
    }
    assert.equal(world.asked.length, 0);
  });

  it('refuses a second message within a second without asking the person again', async () => {
    const world = toolWorld({ now: () => 5_000 });
    const tool = defineTool('megaapi_send_test_message', TOOLS.megaapi_send_test_message(world.deps), world.deps);
    const input = { key: A.key, to: '5511999999999', text: 'hi' };
    await tool.invoke(input, caller());
    const second = await tool.invoke(input, caller());
    assert.match(second, /^Not sent: an agent may send at most one message a second/);
    assert.equal(world.asked.length, 1);
    assert.equal(world.called.length, 1);
  });
});
