import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import { StatusEntry } from '../../../src/instances/statusCache';
import { attentionBadge, needingAttention, settledEntry } from '../../../src/sidebar/attention';
import { english } from '../support';

const host = 'https://api2.megaapi.com.br';
const at = (key: string, entry: StatusEntry | undefined) => ({ instance: { baseUrl: host, key }, entry });
const failed = (error: ApiError): StatusEntry => ({ kind: 'error', error });
const linked: StatusEntry = { kind: 'connected', status: { status: 'connected', connected: true } };

describe('the attention badge', () => {
  it('counts a rejected token, an unknown instance and an unreachable host, and nothing else', () => {
    const rows = [
      at('rejected', failed({ kind: 'unauthorized', status: 401 })),
      at('missing', failed({ kind: 'notFound', status: 404 })),
      at('down', failed({ kind: 'unreachable', code: 'ECONNREFUSED' })),
      at('slow', failed({ kind: 'timeout', seconds: 15 })),
      at('reset', failed({ kind: 'network', code: 'ECONNRESET' })),
      at('glitch', failed({ kind: 'server', status: 502 })),
      at('busy', failed({ kind: 'rateLimited' })),
      at('fine', linked),
      at('unlinked', { kind: 'disconnected', status: { status: 'disconnected', connected: false } }),
      at('new', { kind: 'noToken' }),
      at('unknown', undefined),
    ];
    assert.deepEqual(
      needingAttention(rows).map((a) => [a.instance.key, a.reason]),
      [
        ['rejected', 'tokenRejected'],
        ['missing', 'notFound'],
        ['down', 'unreachable'],
        ['slow', 'unreachable'],
        ['reset', 'unreachable'],
      ],
    );
  });

  it('shows nothing when all is well', () => {
    assert.equal(attentionBadge(needingAttention([at('fine', linked)]), english), undefined);
  });

  it('says how many and which, and cuts a long list', () => {
    const one = attentionBadge([{ instance: { baseUrl: host, key: 'k1' }, reason: 'tokenRejected' }], english);
    assert.deepEqual(one, {
      value: 1,
      tooltip: '1 MegaAPI instance needs attention: k1 on api2.megaapi.com.br (token rejected)',
    });
    const seven = Array.from({ length: 7 }, (_, i) => ({
      instance: { baseUrl: host, key: `k${i}` },
      reason: 'notFound' as const,
    }));
    const badge = attentionBadge(seven, english);
    assert.equal(badge?.value, 7);
    assert.match(
      badge?.tooltip ?? '',
      /^7 MegaAPI instances need attention: k0 on .*k4 on api2\.megaapi\.com\.br \(not found\), and 2 more$/,
    );
  });

  it('keeps the last answer while an instance is checked again, so the badge does not blink', () => {
    const rejected = failed({ kind: 'unauthorized', status: 401 });
    assert.equal(settledEntry(rejected, { kind: 'checking' }), rejected);
    assert.equal(settledEntry(rejected, linked), linked);
    assert.equal(settledEntry(undefined, { kind: 'checking' }), undefined);
  });
});
