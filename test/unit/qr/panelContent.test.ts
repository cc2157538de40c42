import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import { parseQrImage } from '../../../src/core/qrImage';
import { PANEL_ACTIONS } from '../../../src/qr/panelActions';
import { toPanelContent } from '../../../src/qr/panelContent';
import { describeError } from '../../../src/text/errorText';
import { english, TINY_PNG } from '../support';

const context = { host: 'api2.megaapi.com.br', key: 'megastart-abc', t: english, formatTime: () => '10:00:00' };
const idle = { kind: 'idle' } as const;

describe('what the panel says', () => {
  it('offers Set Token for a rejected token and names the key', () => {
    const text = describeError({ kind: 'unauthorized', status: 401 }, context, english);
    assert.match(text.message, /rejected the token for megastart-abc/);
    assert.equal(text.actions[0], 'setToken');
  });

  it('names the key and host when the instance is not found, with actions to change them', () => {
    const text = describeError({ kind: 'notFound', status: 404 }, context, english);
    assert.match(text.message, /"megastart-abc" was not found on api2\.megaapi\.com\.br/);
    assert.deepEqual(text.actions.slice(0, 2), ['editKey', 'editBaseUrl']);
  });

  it('offers Retry for every network trouble and names the host', () => {
    const errors: ApiError[] = [
      { kind: 'timeout', seconds: 15 },
      { kind: 'unreachable', code: 'ENOTFOUND' },
      { kind: 'network', code: 'ECONNRESET' },
      { kind: 'server', status: 502 },
    ];
    for (const error of errors) {
      const text = describeError(error, context, english);
      assert.ok(text.actions.includes('retry'), error.kind);
    }
    assert.match(
      describeError({ kind: 'unreachable', code: 'ENOTFOUND' }, context, english).message,
      /Cannot reach api2\.megaapi\.com\.br/,
    );
    assert.match(describeError({ kind: 'server', status: 502 }, context, english).message, /MegaAPI is having trouble/);
    assert.match(
      describeError({ kind: 'badPayload', status: 200, reason: 'notJson' }, context, english).message,
      /not JSON \(HTTP 200\)/,
    );
  });

  it('shows the QR with when it was fetched and a countdown to the next', () => {
    const image = parseQrImage(TINY_PNG.toString('base64'));
    assert.ok(image.ok);
    const state = toPanelContent(
      { kind: 'qr', qr: { image: image.value, fetchedAt: 0 }, nextRefreshAt: 20_000, expiresAt: 20_000, stale: false },
      idle,
      context,
    );
    assert.equal(state.phase, 'qr');
    assert.equal(state.image, image.value.dataUri);
    assert.equal(state.fetchedAt, 'Fetched at 10:00:00');
    assert.equal(state.countdownText, 'New QR in %s s');
  });

  it('says connected with the account instead of an error', () => {
    const state = toPanelContent(
      {
        kind: 'connected',
        status: { status: 'connected', connected: true, user: { id: '5511987654321@s.whatsapp.net', name: 'Loja' } },
      },
      idle,
      context,
    );
    assert.equal(state.phase, 'connected');
    assert.equal(state.message, 'Instance megastart-abc is linked to Loja · +55 11 98765-4321.');
  });

  it('marks an expired QR so nobody scans it, and offers a new one', () => {
    const state = toPanelContent({ kind: 'expired', checking: false }, idle, context);
    assert.equal(state.phase, 'expired');
    assert.equal(state.actions[0].id, 'generate');
    assert.ok(state.tips && state.tips.length > 0);
  });

  it('shows a pairing code as XXXX-XXXX with its lifetime', () => {
    const state = toPanelContent(
      { kind: 'loading' },
      { kind: 'code', phone: '5511999999999', code: 'ABCD1234', expiresAt: 160_000 },
      context,
    );
    assert.equal(state.pairing.code, 'ABCD-1234');
    assert.equal(state.pairing.countdownTo, 160_000);
  });
});

describe('the panel once linked', () => {
  it('offers a test message, which runs the command with the panel instance', () => {
    const content = toPanelContent(
      { kind: 'connected', status: { status: 'connected', connected: true } },
      { kind: 'idle' },
      { host: 'api.example', key: 'megastart-abc', t: english, formatTime: () => '' },
    );
    assert.deepEqual(content.actions, [
      { id: 'sendTestMessage', label: 'Send a test message', primary: true, inWebview: undefined },
    ]);
    const ran: string[] = [];
    PANEL_ACTIONS.sendTestMessage.run({ runCommand: (command: string) => ran.push(command) } as never);
    assert.deepEqual(ran, ['megaapi.sendTestMessage']);
  });
});
