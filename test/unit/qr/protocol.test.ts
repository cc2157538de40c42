import * as assert from 'node:assert/strict';
import { parseFromWebview } from '../../../src/qr/protocol';

describe('messages from the webview', () => {
  it('accepts only the known shapes', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'action', action: 'setToken' }), { type: 'action', action: 'setToken' });
    assert.equal(parseFromWebview({ type: 'action', action: 'rm -rf' }), undefined);
    assert.equal(parseFromWebview({ type: 'eval', code: '1' }), undefined);
    assert.equal(parseFromWebview('ready'), undefined);
    assert.equal(parseFromWebview(null), undefined);
  });
});
