import * as assert from 'node:assert/strict';
import { InstanceRecords } from '../../../src/instances/records';
import { SecretRecords, secretRecordRefSpec } from '../../../src/instances/secretRecords';
import {
  WEBHOOK_MEMORY,
  WEBHOOK_MEMORY_REF,
  WEBHOOK_MEMORY_SECRET,
  WebhookMemory,
  isRemembered,
} from '../../../src/webhook/webhookMemory';
import { MapMemento, MapSecrets } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };
const B = { baseUrl: 'https://api.example', key: 'megastart-b' };
const PROD = { url: 'https://n8n.example/webhook/7f1c2a9e-secret', enabled: true };
const TEST = { url: 'https://test.example/hook', enabled: true };

function setup(memento = new MapMemento(), secrets = new MapSecrets()) {
  const refs = new InstanceRecords(memento, secretRecordRefSpec(WEBHOOK_MEMORY_REF, 'keep'));
  const legacy = new InstanceRecords(memento, WEBHOOK_MEMORY);
  const records = new SecretRecords(refs, secrets, WEBHOOK_MEMORY_SECRET, isRemembered, legacy, () => 5);
  return { memento, secrets, refs, legacy, records, memory: new WebhookMemory(records, () => 5) };
}

describe('the remembered webhook, in SecretStorage', () => {
  it('keeps the URL in SecretStorage and only a random id in globalState', async () => {
    const { memento, secrets, memory } = setup();
    await memory.beforeChange(A, PROD, TEST);
    assert.deepEqual((await memory.get(A))?.previous, PROD);
    assert.ok(!JSON.stringify([...memento.values]).includes('7f1c2a9e'), 'the URL is in globalState');
    assert.ok([...secrets.values.values()].some((value) => value.includes('7f1c2a9e')));
    assert.ok([...secrets.values.keys()].every((key) => key.startsWith(`${WEBHOOK_MEMORY_SECRET}/`)));
  });

  it('moves what an older version kept in globalState into SecretStorage, once', async () => {
    const memento = new MapMemento();
    await new InstanceRecords(memento, WEBHOOK_MEMORY).set(A, { previous: PROD, written: TEST, at: 1 });
    const { records, memory } = setup(memento);
    await records.migrate();
    assert.deepEqual(memento.values.get(WEBHOOK_MEMORY.key), {}, 'left in plain globalState');
    assert.ok(!JSON.stringify([...memento.values]).includes('7f1c2a9e'));
    assert.deepEqual((await memory.get(A))?.previous, PROD);
  });

  it('follows a rename, and forgets the secret with the record', async () => {
    const { refs, secrets, memory } = setup();
    await memory.beforeChange(A, PROD, TEST);
    await refs.move(A, B);
    assert.equal(await memory.get(A), undefined);
    assert.deepEqual((await memory.get(B))?.previous, PROD);
    await memory.forget(B);
    assert.equal(secrets.values.size, 0);
  });

  it('keeps it in memory for the session when there is no keyring', async () => {
    const secrets = new MapSecrets();
    secrets.broken = true;
    const { memory } = setup(new MapMemento(), secrets);
    await memory.beforeChange(A, PROD, TEST);
    assert.deepEqual((await memory.get(A))?.previous, PROD);
  });
});
