import * as assert from 'node:assert/strict';
import { Calls } from '../../../src/api/calls';
import { success } from '../../../src/api/errors';
import { StatusChecks } from '../../../src/instances/checks';
import { Instances, InstancesChange } from '../../../src/instances/instances';
import { runRemote } from '../../../src/instances/remote';
import { MapMemento, MapSecrets } from '../support';

const A = { baseUrl: 'https://api.example', key: 'megastart-a' };

describe('logout and restart', () => {
  for (const action of ['logout', 'restart'] as const) {
    it(`${action}: announces the change, then checks the instance again`, async () => {
      const instances = new Instances(new MapMemento(), new MapSecrets());
      const done: string[] = [];
      const client = {
        logout: () => (done.push('logout'), Promise.resolve(success('bye'))),
        restart: () => (done.push('restart'), Promise.resolve(success(''))),
        getStatus: () => (done.push('status'), Promise.resolve(success({ status: 'disconnected', connected: false }))),
      };
      const calls = { for: () => client } as unknown as Calls;
      const checks = new StatusChecks(instances, calls, { error: () => undefined });
      const changes: InstancesChange[] = [];
      instances.onDidChange((change) => changes.push(change));
      const { result, checked } = await runRemote(action, A, { instances, calls, checks });
      await checked;
      assert.equal(result.ok, true);
      assert.deepEqual(done, [action, 'status']);
      assert.deepEqual(changes[0], { kind: 'remote', instance: A });
      assert.equal(instances.status(A)?.kind, 'disconnected');
    });
  }
});
