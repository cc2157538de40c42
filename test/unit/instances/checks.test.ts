import * as assert from 'node:assert/strict';
import { Calls } from '../../../src/api/calls';
import { ApiResult, failure, success } from '../../../src/api/errors';
import { InstanceStatus } from '../../../src/api/replies';
import { InstanceRef } from '../../../src/core/instanceRef';
import { CONCURRENCY, StatusChecks } from '../../../src/instances/checks';
import { Instances } from '../../../src/instances/instances';
import { MapMemento, MapSecrets, flush } from '../support';

const CONNECTED: InstanceStatus = { status: 'connected', connected: true };

/** A status endpoint whose answers the test hands out one by one. */
class FakeStatus {
  readonly asked: string[] = [];
  private readonly waiting: Array<(result: ApiResult<InstanceStatus>) => void> = [];
  inFlight = 0;
  maxInFlight = 0;
  throwing = false;

  calls(): Calls {
    const client = (instance: InstanceRef) => ({
      getStatus: (signal?: AbortSignal) => {
        if (this.throwing) throw new Error('broken client');
        this.asked.push(instance.key);
        this.inFlight += 1;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        return new Promise<ApiResult<InstanceStatus>>((resolve) => {
          const answer = (result: ApiResult<InstanceStatus>) => {
            this.inFlight -= 1;
            resolve(result);
          };
          this.waiting.push(answer);
          signal?.addEventListener('abort', () => answer(failure({ kind: 'cancelled' })));
        });
      },
    });
    return { for: client } as unknown as Calls;
  }

  answerAll(result: ApiResult<InstanceStatus>): void {
    for (const answer of this.waiting.splice(0)) answer(result);
  }
}

async function setUp(keys: string[]) {
  const instances = new Instances(new MapMemento(), new MapSecrets());
  for (const key of keys) await instances.save({ baseUrl: 'https://api.example', key });
  const server = new FakeStatus();
  const errors: string[] = [];
  const checks = new StatusChecks(instances, server.calls(), { error: (line) => errors.push(line) });
  return { instances, server, checks, errors };
}

describe('checking an instance', () => {
  const A = { baseUrl: 'https://api.example', key: 'megastart-a' };

  it('shows "checking" while it runs, then records the answer', async () => {
    const { instances, server, checks } = await setUp([A.key]);
    const done = checks.one(A);
    assert.equal(instances.status(A)?.kind, 'checking');
    server.answerAll(success(CONNECTED));
    assert.deepEqual(await done, success(CONNECTED));
    assert.equal(instances.status(A)?.kind, 'connected');
  });

  it('makes one request for two asks at once', async () => {
    const { server, checks } = await setUp([A.key]);
    const first = checks.one(A);
    const second = checks.one(A);
    await flush();
    assert.deepEqual(server.asked, [A.key]);
    server.answerAll(success(CONNECTED));
    assert.equal(await first, await second);
  });

  it('leaves the state as it was when a cancellable check is cancelled', async () => {
    const { instances, server, checks } = await setUp([A.key]);
    const first = checks.one(A);
    server.answerAll(success(CONNECTED));
    await first;
    const controller = new AbortController();
    const cancelled = checks.one(A, controller.signal);
    assert.equal(instances.status(A)?.kind, 'connected', 'an agent check does not blink the row');
    controller.abort();
    assert.equal((await cancelled).ok, false);
    assert.equal(instances.status(A)?.kind, 'connected');
  });

  it('turns a fault in the extension into an internal error, an unknown state and one report', async () => {
    const { instances, server, checks, errors } = await setUp([A.key]);
    const faults: string[] = [];
    checks.onDidFault((detail) => faults.push(detail));
    server.throwing = true;
    const result = await checks.one(A);
    assert.deepEqual(result, failure({ kind: 'internal', detail: 'broken client' }));
    assert.equal(instances.status(A), undefined);
    assert.deepEqual(faults, ['broken client']);
    assert.equal(errors.length, 1);
  });

  it('checks the whole list a few at a time, and joins a second ask for the list', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => `megastart-${i}`);
    const { instances, server, checks } = await setUp(keys);
    const all = checks.all();
    assert.equal(checks.all(), all);
    for (let round = 0; round < 10 && server.asked.length < keys.length + 1; round += 1) {
      await flush();
      server.answerAll(success(CONNECTED));
    }
    assert.equal((await all).length, keys.length);
    assert.equal(server.maxInFlight, CONCURRENCY);
    assert.deepEqual([...server.asked].sort(), [...keys].sort());
    assert.ok(instances.all().every((i) => instances.status(i)?.kind === 'connected'));
  });

  it('never has more than 4 requests under way, whoever asks, and a quiet check leaves the row as it was', async () => {
    const keys = Array.from({ length: 6 }, (_, i) => `megastart-${i}`);
    const { instances, server, checks } = await setUp(keys);
    const first = { baseUrl: 'https://api.example', key: keys[0] };
    instances.setStatus(first, { kind: 'connected', status: CONNECTED });
    const asks = keys.map((key) => checks.one({ baseUrl: 'https://api.example', key }, undefined, { quiet: true }));
    assert.equal(instances.status(first)?.kind, 'connected');
    for (let round = 0; round < 10 && server.asked.length < keys.length; round += 1) {
      await flush();
      assert.ok(server.inFlight <= CONCURRENCY);
      server.answerAll(success({ status: 'close', connected: false }));
    }
    await Promise.all(asks);
    assert.equal(server.maxInFlight, CONCURRENCY);
    assert.equal(server.asked.length, keys.length);
    assert.equal(instances.status(first)?.kind, 'disconnected');
  });
});
