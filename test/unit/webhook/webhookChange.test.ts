import * as assert from 'node:assert/strict';
import { failure, success } from '../../../src/api/errors';
import { Answered, RawReply } from '../../../src/api/rawReply';
import { Webhook, WebhookChange } from '../../../src/api/webhook';
import { InstanceRecords } from '../../../src/instances/records';
import { WebhookCalls, changeWebhook } from '../../../src/webhook/webhookChange';
import { WEBHOOK_MEMORY, WebhookMemory } from '../../../src/webhook/webhookMemory';
import { MapMemento } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };
const PROD: Webhook = { url: 'https://prod.example/hook', enabled: true, fields: {} };
const TEST: WebhookChange = { url: 'https://test.example/hook', enabled: true };
const reply = (what: string, status = 200): RawReply => ({ what, status, text: '{}', receivedAt: 0 });

/**
 * A server double: the read right before the write (by default, what the
 * caller decided on: nothing changed meanwhile), the write's answer, then
 * what each read-back returns.
 */
function calls(
  write: Answered<string>,
  back: Answered<Webhook>,
  beforeWrite?: Webhook,
): WebhookCalls & { writes: WebhookChange[]; over: Webhook[]; decidedOn?: Webhook } {
  const writes: WebhookChange[] = [];
  const over: Webhook[] = [];
  let reads = 0;
  const double: WebhookCalls & { writes: WebhookChange[]; over: Webhook[]; decidedOn?: Webhook } = {
    writes,
    over,
    write: (change, on) => {
      writes.push(change);
      over.push(on);
      return Promise.resolve(write);
    },
    read: () => {
      reads++;
      if (reads > 1) return Promise.resolve(back);
      const current = beforeWrite ?? double.decidedOn;
      return Promise.resolve(current ? { result: success(current) } : back);
    },
  };
  return double;
}

/** changeWebhook, with the double told what the caller decided on. */
function change(
  read: Webhook,
  next: WebhookChange,
  server: ReturnType<typeof calls>,
  remembered: WebhookMemory,
  confirm?: (now: Webhook) => Promise<boolean>,
) {
  server.decidedOn = read;
  return changeWebhook(A, read, next, server, remembered, confirm);
}

function memory(): WebhookMemory {
  return new WebhookMemory(new InstanceRecords(new MapMemento(), WEBHOOK_MEMORY), () => 7);
}

describe('changing the webhook', () => {
  it('writes the change, confirms it by reading back, and remembers what was there before', async () => {
    const remembered = memory();
    const read = { ...PROD, url: TEST.url, fields: { webhookUrl: TEST.url } };
    const server = calls({ result: success('ok') }, { result: success(read) });
    const outcome = await change(PROD, TEST, server, remembered);
    assert.equal(outcome.kind, 'changed');
    assert.deepEqual(server.writes, [TEST]);
    assert.deepEqual((await remembered.get(A))?.previous, { url: PROD.url, enabled: true });
  });

  it('undoes the memory when the write fails, so Restore offers no change that did not happen', async () => {
    const remembered = memory();
    const refused = reply('Set webhook', 500);
    const server = calls(
      { result: failure({ kind: 'server', status: 500 }), reply: refused },
      { result: success(PROD) },
    );
    const outcome = await change(PROD, TEST, server, remembered);
    assert.deepEqual(outcome, { kind: 'failed', error: { kind: 'server', status: 500 }, reply: refused });
    assert.equal(await remembered.get(A), undefined);
  });

  it('keeps what an earlier change remembered when a later write fails', async () => {
    const remembered = memory();
    await remembered.beforeChange(A, { url: PROD.url, enabled: true }, { url: TEST.url, enabled: true });
    const before = await remembered.get(A);
    const testRead = { url: TEST.url, enabled: true, fields: {} };
    const server = calls({ result: failure({ kind: 'timeout', seconds: 15 }) }, { result: success(PROD) });
    await change(testRead, { url: TEST.url, enabled: false }, server, remembered);
    assert.deepEqual(await remembered.get(A), before);
  });

  it('says the change is unconfirmed when the read-back fails, keeping the memory for Restore', async () => {
    const remembered = memory();
    const written = reply('Set webhook');
    const server = calls(
      { result: success('ok'), reply: written },
      { result: failure({ kind: 'timeout', seconds: 15 }) },
    );
    const outcome = await change(PROD, TEST, server, remembered);
    assert.equal(outcome.kind, 'unconfirmed');
    assert.equal(
      outcome.kind === 'unconfirmed' && outcome.reply,
      written,
      'Show Reply shows the write, the last answer',
    );
    assert.deepEqual((await remembered.get(A))?.previous, { url: PROD.url, enabled: true });
  });

  it('says what the server shows when the read-back differs, and counts it as the same series', async () => {
    const remembered = memory();
    const normalised: Webhook = { url: `${TEST.url}/`, enabled: true, fields: {} };
    const backReply = reply('Webhook');
    const server = calls({ result: success('ok') }, { result: success(normalised), reply: backReply });
    const outcome = await change(PROD, TEST, server, remembered);
    assert.equal(outcome.kind, 'differs');
    assert.equal(outcome.kind === 'differs' && outcome.back, normalised);
    assert.deepEqual((await remembered.get(A))?.written, { url: normalised.url, enabled: true });
    assert.deepEqual((await remembered.get(A))?.previous, { url: PROD.url, enabled: true });
  });

  it('reads again right before writing, and asks when the webhook changed elsewhere meanwhile', async () => {
    const remembered = memory();
    const elsewhere: Webhook = {
      ...PROD,
      secondaryUrl: 'https://events.example/x',
      fields: { webhookUrl: PROD.url, webhookSecondaryUrl: 'https://events.example/x' },
    };
    const back = { result: success({ ...elsewhere, url: TEST.url }) };
    const declined = calls({ result: success('ok') }, back, elsewhere);
    const asked: Webhook[] = [];
    const outcome = await change(PROD, TEST, declined, remembered, async (now) => {
      asked.push(now);
      return false;
    });
    assert.deepEqual(outcome, { kind: 'declined', now: elsewhere });
    assert.deepEqual(asked, [elsewhere]);
    assert.deepEqual(declined.writes, [], 'nothing written over a change the user did not see');
    assert.equal(await remembered.get(A), undefined);

    const accepted = calls({ result: success('ok') }, back, elsewhere);
    await change(PROD, TEST, accepted, remembered, async () => true);
    assert.deepEqual(accepted.over, [elsewhere], 'the write keeps the secondary URL set meanwhile');
  });
});
