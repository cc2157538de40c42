import * as assert from 'node:assert/strict';
import { replyForDisplay } from '../../../src/api/rawReply';

describe('Show Reply text', () => {
  it('pretty-prints JSON and blanks the token wherever the server echoed it', () => {
    const shown = replyForDisplay('{"token":"tok-secret-1","nested":{"t":"Bearer tok-secret-1"}}', ['tok-secret-1']);
    assert.equal(shown.json, true);
    assert.ok(!shown.text.includes('tok-secret-1'));
    assert.match(shown.text, /\n {2}"token": "«token»"/);
  });

  it('finds a token with JSON-escaped characters too, and shows non-JSON as received', () => {
    const token = 'ab"cd\\ef';
    const shown = replyForDisplay(JSON.stringify({ echo: token }), [token]);
    assert.ok(!shown.text.includes(JSON.stringify(token).slice(1, -1)));
    assert.deepEqual(replyForDisplay('<html>Bad Gateway</html>', []), {
      text: '<html>Bad Gateway</html>',
      json: false,
    });
  });
});
