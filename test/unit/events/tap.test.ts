import * as assert from 'node:assert/strict';
import { ApiResult, failure, success } from '../../../src/api/errors';
import { Webhook } from '../../../src/api/webhook';
import { TapCalls, applyTap, undoTap } from '../../../src/events/tap';
import { TapMemory } from '../../../src/events/tapMemory';
import { Fields, restorePlan, tapPresent, tapRecord } from '../../../src/events/tapPlan';
import { MapSecrets } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };
const TAP = 'https://tunnel.example/megaapi/0123456789abcdef0123456789abcdef';
const ORIGINAL: Fields = {
  webhookUrl: 'https://prod.example/hook?secret=s',
  webhookEnabled: true,
  webhookSecondaryUrl: 'https://backup.example/hook',
  webhookSecondaryEnabled: false,
  somethingNew: { kept: 1 },
};
const DOWN = failure({ kind: 'server', status: 502 });

type Step = 'read' | 'write';

/** A MegaAPI double that merges writes into its fields, and fails the steps it is told to, once each. */
class Server implements TapCalls {
  fields: Fields;
  writes: Fields[] = [];
  private readonly failures: Step[] = [];
  private readCount = 0;
  failReadNumber?: number;

  constructor(fields: Fields) {
    this.fields = structuredClone(fields);
  }

  failNext(step: Step): void {
    this.failures.push(step);
  }

  read(): Promise<{ result: ApiResult<Webhook> }> {
    this.readCount += 1;
    if (this.take('read') || this.readCount === this.failReadNumber) return Promise.resolve({ result: DOWN });
    const fields = structuredClone(this.fields);
    return Promise.resolve({ result: success({ url: String(fields.webhookUrl ?? ''), fields }) });
  }

  write(data: Fields): Promise<{ result: ApiResult<string> }> {
    if (this.take('write')) return Promise.resolve({ result: DOWN });
    this.writes.push(data);
    this.fields = { ...this.fields, ...structuredClone(data) };
    return Promise.resolve({ result: success('ok') });
  }

  private take(step: Step): boolean {
    const index = this.failures.indexOf(step);
    if (index < 0) return false;
    this.failures.splice(index, 1);
    return true;
  }
}

describe('the events tap', () => {
  it('writes only the secondary URL and flag, with every other field as read, and reads it back', async () => {
    const server = new Server(ORIGINAL);
    const memory = new TapMemory(new MapSecrets());
    const outcome = await applyTap(A, 'secondary', TAP, server, memory, 5);
    assert.equal(outcome.kind, 'tapped');
    assert.deepEqual(server.fields, { ...ORIGINAL, webhookSecondaryUrl: TAP, webhookSecondaryEnabled: true });
    assert.deepEqual(server.writes[0].webhookUrl, ORIGINAL.webhookUrl);
    assert.ok(await memory.get(A), 'remembered before Stop');
  });

  it('Stop puts back exactly what was there, field by field, and forgets', async () => {
    const server = new Server(ORIGINAL);
    const memory = new TapMemory(new MapSecrets());
    const tapped = await applyTap(A, 'secondary', TAP, server, memory, 5);
    assert.equal(tapped.kind, 'tapped');
    const undone = await undoTap((await memory.get(A))!, server, memory);
    assert.equal(undone.kind, 'restored');
    assert.deepEqual(server.fields, ORIGINAL);
    assert.equal(await memory.get(A), undefined);
  });

  for (const [name, arrange] of [
    ['the first read of Stop fails', (s: Server) => s.failNext('read')],
    ['the write of Stop fails', (s: Server) => s.failNext('write')],
    ['the read-back of Stop fails after the write went through', (s: Server) => (s.failReadNumber = 4)],
  ] as const) {
    it(`restores exactly when ${name}, at the next try`, async () => {
      const server = new Server(ORIGINAL);
      const memory = new TapMemory(new MapSecrets());
      await applyTap(A, 'secondary', TAP, server, memory, 5);
      arrange(server);
      const first = await undoTap((await memory.get(A))!, server, memory);
      assert.notEqual(first.kind, 'restored');
      assert.ok(await memory.get(A), 'still remembered after a failed Stop');
      const second = await undoTap((await memory.get(A))!, server, memory);
      assert.equal(second.kind, 'restored');
      assert.deepEqual(server.fields, ORIGINAL);
      assert.equal(await memory.get(A), undefined);
    });
  }

  it('forgets a tap whose write failed: nothing was changed', async () => {
    const server = new Server(ORIGINAL);
    const memory = new TapMemory(new MapSecrets());
    server.failNext('write');
    const outcome = await applyTap(A, 'secondary', TAP, server, memory, 5);
    assert.equal(outcome.kind, 'failed');
    assert.equal(await memory.get(A), undefined);
    assert.deepEqual(server.fields, ORIGINAL);
  });

  it('keeps the memory when the read-back after the tap fails, so Stop can still undo it', async () => {
    const server = new Server(ORIGINAL);
    const memory = new TapMemory(new MapSecrets());
    server.failReadNumber = 2;
    const outcome = await applyTap(A, 'secondary', TAP, server, memory, 5);
    assert.equal(outcome.kind, 'unconfirmed');
    const undone = await undoTap((await memory.get(A))!, server, memory);
    assert.equal(undone.kind, 'restored');
    assert.deepEqual(server.fields, ORIGINAL);
  });

  it('leaves alone a field the customer changed meanwhile, and says which', async () => {
    const server = new Server(ORIGINAL);
    const memory = new TapMemory(new MapSecrets());
    await applyTap(A, 'secondary', TAP, server, memory, 5);
    server.fields.webhookSecondaryUrl = 'https://app.example/new-secondary';
    const undone = await undoTap((await memory.get(A))!, server, memory);
    assert.equal(undone.kind, 'restored');
    assert.deepEqual(undone.kind === 'restored' && undone.plan.changedElsewhere, ['webhookSecondaryUrl']);
    assert.equal(server.fields.webhookSecondaryUrl, 'https://app.example/new-secondary');
    assert.equal(server.fields.webhookSecondaryEnabled, false);
  });

  it('empties a field that did not exist before (configWebhook cannot delete one)', () => {
    const record = tapRecord(
      A,
      'secondary',
      { webhookUrl: 'u' },
      { webhookSecondaryUrl: TAP, webhookSecondaryEnabled: true },
      1,
    );
    const plan = restorePlan(record, { webhookUrl: 'u', webhookSecondaryUrl: TAP, webhookSecondaryEnabled: true });
    assert.deepEqual(plan.changes, { webhookSecondaryUrl: '', webhookSecondaryEnabled: false });
  });

  it('the primary mode writes the primary URL and flag, and puts them back', async () => {
    const server = new Server(ORIGINAL);
    const memory = new TapMemory(new MapSecrets());
    const outcome = await applyTap(A, 'primary', TAP, server, memory, 5);
    assert.equal(outcome.kind, 'tapped');
    assert.equal(server.fields.webhookUrl, TAP);
    assert.equal(server.fields.webhookSecondaryUrl, ORIGINAL.webhookSecondaryUrl);
    await undoTap((await memory.get(A))!, server, memory);
    assert.deepEqual(server.fields, ORIGINAL);
  });

  it('sees a tap blanked by an app reconfiguring its webhook', () => {
    const written = { webhookSecondaryUrl: TAP, webhookSecondaryEnabled: true };
    assert.equal(tapPresent({ ...ORIGINAL, ...written }, { written }), true);
    assert.equal(tapPresent({ ...ORIGINAL, ...written, webhookSecondaryUrl: '' }, { written }), false);
  });

  it('remembers the taps of two instances stopping at once, each apart', async () => {
    const memory = new TapMemory(new MapSecrets());
    const B = { ...A, key: 'megastart-b' };
    await Promise.all([
      memory.set(tapRecord(A, 'secondary', {}, { webhookSecondaryUrl: TAP }, 1)),
      memory.set(tapRecord(B, 'secondary', {}, { webhookSecondaryUrl: TAP }, 1)),
    ]);
    assert.equal((await memory.all()).length, 2);
    await Promise.all([memory.forget(A), memory.forget(B)]);
    assert.deepEqual(await memory.all(), []);
  });

  it('a field absent before is deleted (null) where the server allows it, else emptied', async () => {
    const without: Fields = { webhookUrl: 'https://prod.example/hook', webhookEnabled: true };
    for (const [name, refusesNull, expected] of [
      ['deletes on null', false, without],
      ['refuses null', true, { ...without, webhookSecondaryUrl: '', webhookSecondaryEnabled: false }],
    ] as const) {
      const server = new Server(without);
      const write = server.write.bind(server);
      server.write = (data) => {
        if (Object.values(data).includes(null)) {
          if (refusesNull) return Promise.resolve({ result: DOWN });
          server.fields = Object.fromEntries(
            Object.entries({ ...server.fields, ...data }).filter(([, v]) => v !== null),
          );
          return Promise.resolve({ result: success('ok') });
        }
        return write(data);
      };
      const memory = new TapMemory(new MapSecrets());
      await applyTap(A, 'secondary', TAP, server, memory, 5);
      const undone = await undoTap((await memory.get(A))!, server, memory);
      assert.equal(undone.kind, 'restored', name);
      assert.deepEqual(server.fields, expected, name);
      assert.equal(await memory.get(A), undefined, name);
    }
  });
});
