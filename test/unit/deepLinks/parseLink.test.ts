import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { parseBaseUrl } from '../../../src/core/baseUrl';
import { linkProblemText } from '../../../src/deepLinks/linkText';
import {
  LINK_ACTIONS,
  LinkResult,
  instanceLink,
  isKnownHost,
  linkLogLine,
  parseInstanceLink,
} from '../../../src/deepLinks/parseLink';
import { english } from '../support';

const SECURE = { allowInsecureHttp: false };
const ID = 'megaapi-community.megaapi-vscode';

/**
 * What the URI handler receives for a link: VS Code's `Uri` keeps the path
 * and hands over the query percent-decoded as a whole.
 */
function asVsCodeUri(link: string): { path: string; query: string } {
  const rest = link.slice(link.indexOf('://') + 3);
  const pathStart = rest.indexOf('/');
  const queryStart = rest.indexOf('?');
  const path = rest.slice(pathStart, queryStart < 0 ? undefined : queryStart);
  const query = queryStart < 0 ? '' : decodeURIComponent(rest.slice(queryStart + 1));
  return { path, query };
}

const key = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$/);
const hostName = fc.domain();
const baseUrl = fc
  .tuple(hostName, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), fc.constantFrom('', '/megaapi'))
  .map(([name, port, prefix]) => `https://${name}${port ? `:${port}` : ''}${prefix}`)
  // Only hosts already in the form the parser gives (no default port, say), so round trips compare equal.
  .filter((url) => {
    const parsed = parseBaseUrl(url);
    return parsed.ok && parsed.value === url;
  });
/** `!` occurs in no valid host or key, so finding the token anywhere means it leaked. */
const token = fc.string({ minLength: 1, maxLength: 40 }).map((s) => `!${s.replace(/[&=#%+]/g, '')}`);

describe('deep links', () => {
  it('opens /showQr and /pairingCode with a host and key, normalised by the input boxes’ parsers', () => {
    assert.deepEqual(parseInstanceLink('/showQr', 'host=api2.megaapi.com.br/&key= megastart-ABC ', SECURE), {
      ok: true,
      link: {
        action: 'showQr',
        instance: { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-ABC' },
        tokenIgnored: false,
      },
    });
    const pairing = parseInstanceLink('/pairingCode', 'key=megastart-ABC&host=https://h.example.com', SECURE);
    assert.equal(pairing.ok && pairing.link.action, 'pairingCode');
  });

  it('builds links that read back to the same instance, for every action', () => {
    fc.assert(
      fc.property(
        baseUrl,
        key,
        fc.constantFrom(...(Object.keys(LINK_ACTIONS) as Array<keyof typeof LINK_ACTIONS>)),
        (url, k, action) => {
          const link = instanceLink('vscode', ID, { baseUrl: url, key: k }, action);
          assert.ok(link.startsWith(`vscode://${ID}/${action}?host=`));
          const { path, query } = asVsCodeUri(link);
          const parsed = parseInstanceLink(path, query, SECURE);
          assert.deepEqual(parsed, {
            ok: true,
            link: { action, instance: { baseUrl: url, key: k }, tokenIgnored: false },
          });
        },
      ),
    );
  });

  it('accepts no path outside the allow-list', () => {
    for (const path of [
      '',
      '/',
      'showQr',
      '/showqr',
      '/showQr/',
      '/__proto__',
      '/constructor',
      '/setToken',
      '//showQr',
    ]) {
      assert.deepEqual(parseInstanceLink(path, 'host=h.example.com&key=k', SECURE), {
        ok: false,
        problem: { kind: 'path' },
      });
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.webQueryParameters(), (path, query) => {
        fc.pre(path !== '/showQr' && path !== '/pairingCode');
        assert.deepEqual(parseInstanceLink(path, query, SECURE), { ok: false, problem: { kind: 'path' } });
      }),
    );
  });

  it('accepts no parameter but host, key and token, and none twice', () => {
    const refused = (query: string) => parseInstanceLink('/showQr', query, SECURE);
    assert.deepEqual(refused('host=h.example.com&key=k&phone=5511'), {
      ok: false,
      problem: { kind: 'unknownParameter' },
    });
    assert.deepEqual(refused('host=h.example.com&key=a&key=b'), {
      ok: false,
      problem: { kind: 'repeated', name: 'key' },
    });
    assert.deepEqual(refused('host=a.example.com&host=b.example.com&key=k'), {
      ok: false,
      problem: { kind: 'repeated', name: 'host' },
    });
    fc.assert(
      fc.property(fc.webQueryParameters(), (query) => {
        const result = refused(query);
        const names = [...new URLSearchParams(query).keys()];
        if (names.some((name) => !['host', 'key', 'token'].includes(name))) {
          assert.equal(result.ok, false);
        }
      }),
    );
  });

  it('never keeps a token: not in the result, not in the log line', () => {
    fc.assert(
      fc.property(baseUrl, key, token, fc.boolean(), (url, k, secret, tokenFirst) => {
        const parts = [`host=${url}`, `key=${k}`];
        const query = (tokenFirst ? [`token=${secret}`, ...parts] : [...parts, `token=${secret}`]).join('&');
        const result = parseInstanceLink('/showQr', query, SECURE);
        assert.equal(result.ok && result.link.tokenIgnored, true);
        assert.ok(!JSON.stringify(result).includes(secret));
        assert.ok(!linkLogLine('/showQr', result).includes(secret));
      }),
    );
    // Refused links too: the log line names the reason, never the query.
    const refused = parseInstanceLink('/showQr', 'host=http://evil.example.com&key=k&token=!s3cret', SECURE);
    assert.deepEqual(refused, { ok: false, problem: { kind: 'host', reason: 'insecure' } });
    assert.ok(!linkLogLine('/showQr', refused).includes('s3cret'));
    assert.ok(!linkLogLine('/showQr', refused).includes('evil'));
  });

  it('parses host and key as the input boxes do, with the current http setting', () => {
    const parse = (query: string, allowInsecureHttp = false) =>
      parseInstanceLink('/showQr', query, { allowInsecureHttp });
    assert.deepEqual(parse('host=http://api.example.com&key=k'), {
      ok: false,
      problem: { kind: 'host', reason: 'insecure' },
    });
    assert.equal(parse('host=http://api.example.com&key=k', true).ok, true);
    assert.equal(parse('host=http://127.0.0.1:3000&key=k').ok, true);
    assert.deepEqual(parse('host=https://u:p@api.example.com&key=k'), {
      ok: false,
      problem: { kind: 'host', reason: 'userInfo' },
    });
    assert.deepEqual(parse('host=api.example.com&key=../etc'), {
      ok: false,
      problem: { kind: 'key', reason: 'characters' },
    });
    assert.deepEqual(parse('key=k'), { ok: false, problem: { kind: 'missing', name: 'host' } });
    assert.deepEqual(parse('host=api.example.com'), { ok: false, problem: { kind: 'missing', name: 'key' } });
    assert.deepEqual(parse(`host=api.example.com&key=${'k'.repeat(5000)}`), {
      ok: false,
      problem: { kind: 'tooLong' },
    });
  });

  it('knows a host when an instance is saved on it or it is the configured one', () => {
    const host = 'https://api2.megaapi.com.br';
    assert.equal(isKnownHost(host, [host], ''), true);
    assert.equal(isKnownHost(host, [], 'api2.megaapi.com.br/'), true);
    assert.equal(isKnownHost(host, ['https://api3.megaapi.com.br'], 'https://api3.megaapi.com.br'), false);
    assert.equal(isKnownHost(host, [], ''), false);
  });

  it('logs the path, host and key only', () => {
    const ok: LinkResult = {
      ok: true,
      link: { action: 'showQr', instance: { baseUrl: 'https://h.example.com', key: 'k1' }, tokenIgnored: true },
    };
    assert.equal(linkLogLine('/showQr', ok), 'Deep link /showQr: k1 @ h.example.com; its token parameter was ignored');
    // A path is attacker text: control characters cannot forge a second log line.
    assert.ok(!linkLogLine('/a\nINFO forged', { ok: false, problem: { kind: 'path' } }).includes('\n'));
  });

  it('says why a link was refused without quoting it', () => {
    const problems: Array<Extract<LinkResult, { ok: false }>['problem']> = [
      { kind: 'path' },
      { kind: 'tooLong' },
      { kind: 'unknownParameter' },
      { kind: 'repeated', name: 'key' },
      { kind: 'missing', name: 'host' },
      { kind: 'missing', name: 'key' },
      { kind: 'host', reason: 'insecure' },
      { kind: 'key', reason: 'characters' },
    ];
    const texts = problems.map((problem) => linkProblemText(problem, english));
    for (const text of texts) assert.match(text, /^MegaAPI: this link cannot be opened\. \S/);
    assert.equal(new Set(texts).size, texts.length);
  });
});
