import * as assert from 'node:assert/strict';
import { isNotLinked } from '../../../src/api/notLinked';

describe('the not-linked error', () => {
  it('recognises "not linked" in the words MegaAPI uses, and only in an application error', () => {
    for (const message of ['Instance not connected', 'instance disconnected', 'User not logged in', 'Not linked']) {
      assert.ok(isNotLinked({ kind: 'api', status: 200, message }), message);
    }
    assert.ok(!isNotLinked({ kind: 'api', status: 200, message: 'Invalid number' }));
    assert.ok(!isNotLinked({ kind: 'notFound', status: 404 }));
  });
});
