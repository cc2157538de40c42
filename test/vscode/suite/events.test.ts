import * as assert from 'node:assert/strict';
import { Server, createServer, request } from 'node:http';
import { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { Mock, answering, api, linkedInstance, removeInstance, waitFor, withSettings } from './support';

/** A `/__mock/` call the shared Mock class has no method for. */
function control(mock: Mock, method: string, path: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(`${mock.url}/__mock/${path}`, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString() || 'null')));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

/** The developer's handler: records each body and content type, answers 202 "handled". */
async function startHandler(): Promise<{
  url: string;
  bodies: Array<{ body: Buffer; type?: string }>;
  close(): void;
  server: Server;
}> {
  const bodies: Array<{ body: Buffer; type?: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push({ body: Buffer.concat(chunks), type: req.headers['content-type'] });
      res.writeHead(202).end('handled');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  return { url, bodies, server, close: () => (server.closeAllConnections(), server.close()) };
}

interface Row extends vscode.TreeItem {
  seq?: number;
}

async function eventRows(key: string): Promise<Row[]> {
  const tree = (await api()).eventsTree;
  const top = (await tree.getChildren()) ?? [];
  const node = top.find((item) => item.label === key);
  return node ? (((await tree.getChildren(node)) ?? []) as Row[]) : [];
}

/** Listen, send, see, forward, replay, sample, prove, stop: through VS Code's command API against the mock. */
describe('webhook events: listen, see, forward, replay, stop', function () {
  this.timeout(90_000);
  let mock: Mock;
  let port: number;
  let handler: Awaited<ReturnType<typeof startHandler>>;
  const key = 'megastart-suite-events1';
  const instance = () => ({ instance: mock.instance(key) });
  const run = (command: string, typed: string[] = [], arg: unknown = instance()) =>
    answering(typed, () => vscode.commands.executeCommand(command, arg), { notifications: 'dismiss' });
  const settings = () => ({ allowInsecureHttp: true, 'events.port': port });

  before(async () => {
    mock = await Mock.connect();
    await linkedInstance(mock, key, 'events-token');
    port = await freePort();
    handler = await startHandler();
    // A secondary flag that exists before the tap, so "exactly as it was" can be asked of every field.
    await control(mock, 'POST', `instances/${key}/webhook`, { webhookSecondaryEnabled: false });
  });
  after(async () => {
    await run('megaapi.stopListening');
    handler.close();
    await mock.reset();
    await removeInstance(mock.instance(key));
  });

  it('declares the pinned commands, view and settings', () => {
    const manifest = (
      vscode.extensions.getExtension('megaapi-community.megaapi-vscode')!.packageJSON as {
        contributes: {
          commands: Array<{ command: string }>;
          views: Record<string, Array<{ id: string }>>;
          configuration: { properties: Record<string, { default: unknown; type: string }> };
        };
      }
    ).contributes;
    for (const id of [
      'listenEvents',
      'stopListening',
      'forwardEvents',
      'replayEvent',
      'sendSampleEvent',
      'proveDelivery',
      'copyEventAsFixture',
      'copyEventAsType',
    ]) {
      assert.ok(
        manifest.commands.some((c) => c.command === `megaapi.${id}`),
        id,
      );
    }
    assert.ok(manifest.views.megaapi.some((v) => v.id === 'megaapi.events'));
    assert.deepEqual(manifest.configuration.properties['megaapi.events.port'].default, 0);
    assert.deepEqual(manifest.configuration.properties['megaapi.events.forwardTo'].default, '');
  });

  it('Listen proves the tunnel, taps the secondary URL and keeps every other field; events show in the view', async () => {
    const before = await mock.webhook(key);
    await withSettings(settings(), async () => {
      const { seen } = await run('megaapi.listenEvents', [`http://127.0.0.1:${port}`]);
      const errors = seen.filter((p) => p.kind === 'error' || p.kind === 'warning');
      assert.deepEqual(errors, [], JSON.stringify(seen));
      assert.ok(
        seen.some((p) => p.kind === 'modal'),
        'the tap was confirmed',
      );
    });
    const tapped = (await mock.webhook(key)) as Record<string, unknown>;
    assert.match(
      String(tapped.webhookSecondaryUrl),
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/megaapi/[0-9a-f]{32}$`),
    );
    assert.equal(tapped.webhookSecondaryEnabled, true);
    assert.equal(tapped.webhookUrl, before.webhookUrl);
    assert.equal(tapped.webhookEnabled, before.webhookEnabled);

    await control(mock, 'POST', `instances/${key}/events`, { kind: 'text' });
    await control(mock, 'POST', `instances/${key}/events`, { kind: 'image' });
    const rows = await waitFor('two events in the view', async () =>
      (await eventRows(key)).length >= 2 ? eventRows(key) : undefined,
    );
    assert.match(String(rows[0].label), /^Image from Mock Peer \(5511988887777\): Foto do mock/);
    assert.match(String(rows[1].label), /^Mock Peer \(5511988887777\): Olá do mock/);
    assert.equal(rows[0].command?.arguments?.[0]?.seq, rows[0].seq);
  });

  it('a sent message comes back as its echo and acks 2, 3, 4; Prove Webhook Delivery shows the timeline', async () => {
    const { seen } = await run('megaapi.proveDelivery', ['5511999999999']);
    const proved = seen.find((p) => p.kind === 'information' && p.text.startsWith('Delivery proved'));
    assert.ok(proved, JSON.stringify(seen));
    assert.match(proved.text, /event received \(\d+ ms\) → delivered \(\d+ ms\) → read \(\d+ ms\)/);
    const labels = (await eventRows(key)).map((r) => String(r.label));
    assert.ok(labels.some((l) => l.startsWith('Ack: read')));
    assert.ok(labels.some((l) => l.startsWith('You sent to')));
  });

  it('Forward Events To… forwards each event byte for byte and shows the status; Replay sends it again', async () => {
    await run('megaapi.forwardEvents', [handler.url], undefined);
    assert.equal(vscode.workspace.getConfiguration('megaapi').get('events.forwardTo'), handler.url);
    try {
      await control(mock, 'POST', `instances/${key}/events`, { kind: 'location' });
      const row = await waitFor('the forwarded event', async () => {
        const first = (await eventRows(key))[0];
        return first && String(first.description).includes('202') ? first : undefined;
      });
      assert.equal(handler.bodies.length, 1);
      assert.equal(JSON.parse(handler.bodies[0].body.toString()).messageType, 'locationMessage');
      assert.equal(handler.bodies[0].type, 'application/json');
      assert.match(String(row.tooltip), /Your handler answered HTTP 202 in \d+ ms\.\nReply: handled/);

      await run('megaapi.replayEvent', [], { seq: row.seq });
      assert.equal(handler.bodies.length, 2);
      assert.deepEqual(handler.bodies[1].body, handler.bodies[0].body, 'byte-identical');

      const { seen } = await run('megaapi.sendSampleEvent', [], 'ack3');
      const sample = JSON.parse(handler.bodies[2].body.toString()) as {
        messageType: string;
        update: { status: number };
      };
      assert.deepEqual([sample.messageType, sample.update.status], ['message.ack', 3]);
      assert.ok(seen.some((p) => p.text.includes('HTTP 202')));
    } finally {
      await run('megaapi.forwardEvents', [''], undefined);
    }
    assert.equal(vscode.workspace.getConfiguration('megaapi').get('events.forwardTo'), '');
  });

  it('Copy as Fixture, Copy as TypeScript Type, Copy JSON and Open Event', async () => {
    await control(mock, 'POST', `instances/${key}/events`, { kind: 'text' });
    const row = await waitFor('a text event', async () =>
      (await eventRows(key)).find((r) => String(r.label).includes('Olá do mock')),
    );
    await run('megaapi.copyEventAsFixture', [], { seq: row.seq });
    const fixture = JSON.parse(await vscode.env.clipboard.readText()) as { messageType: string };
    assert.equal(fixture.messageType, 'conversation');
    await run('megaapi.copyEventAsType', [], { seq: row.seq });
    const type = await vscode.env.clipboard.readText();
    assert.match(type, /export interface ConversationEvent \{/);
    assert.match(type, /key: ConversationEventKey;/);
    await run('megaapi.copyEventJson', [], { seq: row.seq });
    assert.match(await vscode.env.clipboard.readText(), /^\{\n {2}"instance_key"/);
    await run('megaapi.openEvent', [], { seq: row.seq });
    const editor = await waitFor('the event editor', () => vscode.window.activeTextEditor);
    assert.equal(editor.document.uri.scheme, 'megaapi-reply');
    assert.match(editor.document.getText(), /"conversation": "Olá do mock"/);
    assert.ok(!editor.document.getText().includes('events-token'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Stop Listening puts the webhook back exactly, and Clear empties the view', async () => {
    const { seen } = await run('megaapi.stopListening');
    assert.ok(
      seen.some((p) => p.kind === 'information' && p.text.includes('back as it was')),
      JSON.stringify(seen),
    );
    const after = (await mock.webhook(key)) as Record<string, unknown>;
    assert.deepEqual(after, {
      webhookUrl: 'https://example.com/hooks/megaapi-original',
      webhookEnabled: true,
      webhookSecondaryUrl: 'https://example.com/hooks/megaapi-secondary',
      webhookSecondaryEnabled: false,
    });
    await run('megaapi.clearEvents', [], undefined);
    assert.deepEqual(await eventRows(key), []);
  });

  it('Prove Webhook Delivery when not listening flags the configured URL and probes it', async () => {
    await control(mock, 'POST', `instances/${key}/webhook`, {
      webhookUrl: handler.url.replace('/webhook', '/webhook-test/x'),
    });
    const before = handler.bodies.length;
    const { seen } = await run('megaapi.proveDelivery');
    const told = seen.find((p) => p.kind === 'warning');
    assert.ok(told, JSON.stringify(seen));
    assert.match(told.text, /n8n test URL/);
    assert.match(told.text, /localhost/);
    assert.match(told.text, /answered HTTP 202/);
    assert.match(told.text, /cannot be seen without listening/);
    assert.equal(handler.bodies.length, before + 1);
  });

  it('"Use Primary URL Instead" taps the primary URL, and Stop puts it back exactly', async () => {
    const before = (await mock.webhook(key)) as Record<string, unknown>;
    // The suite's stand-in confirms a modal with its first button; here the tap's question gets the second.
    const window = vscode.window as unknown as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
    await withSettings(settings(), () =>
      answering(
        [`http://127.0.0.1:${port}`],
        async () => {
          const stubbed = window.showWarningMessage;
          window.showWarningMessage = (message: unknown, ...rest: unknown[]) =>
            typeof message === 'string' && message.startsWith('Add an events tap')
              ? Promise.resolve(rest[2])
              : stubbed(message, ...rest);
          try {
            return await vscode.commands.executeCommand('megaapi.listenEvents', instance());
          } finally {
            window.showWarningMessage = stubbed;
          }
        },
        { notifications: 'dismiss' },
      ),
    );
    const tapped = (await mock.webhook(key)) as Record<string, unknown>;
    assert.match(String(tapped.webhookUrl), new RegExp(`^http://127\\.0\\.0\\.1:${port}/megaapi/[0-9a-f]{32}$`));
    assert.equal(tapped.webhookSecondaryUrl, before.webhookSecondaryUrl);
    await control(mock, 'POST', `instances/${key}/events`, { kind: 'contact' });
    await waitFor('the contact event', async () =>
      (await eventRows(key)).find((r) => String(r.label).startsWith('Contact from')),
    );
    await run('megaapi.stopListening');
    assert.deepEqual(await mock.webhook(key), before);
  });
});
