import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { Calls } from '../../../src/api/calls';
import { FetchLike } from '../../../src/api/http';
import { statusFromReply } from '../../../src/api/replies';
import { entryFromStatus } from '../../../src/instances/statusCache';
import { toPanelContent } from '../../../src/qr/panelContent';
import { describeInstance } from '../../../src/sidebar/describeInstance';
import { linkedAccount } from '../../../src/text/account';
import { describeError } from '../../../src/text/errorText';
import { english } from '../support';

const instance = { baseUrl: 'https://api2.megaapi.com.br', key: 'megastart-abc' };
const context = { host: 'api2.megaapi.com.br', key: 'megastart-abc', t: english, formatTime: () => '10:00' };

/** What a hostile server (or anything on the path) might put in a text field. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        '[click](command:workbench.action.terminal.new)',
        '[x](https://evil.example)',
        '![img](https://evil.example/a.png)',
        '[ref][1]\n[1]: command:megaapi.logout',
        '<img src=x onerror=alert(1)>',
        '<a href="command:x">a</a>',
        '$(alert) $(sync~spin)',
        '\u202e\u2066\u200f\u200b\ufeff',
        '\r\nERROR forged log line',
        '\u0000\u0007\u001b[31m\u009b',
        'command:workbench.action.reloadWindow',
        'Olá, mundo',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
  fc.constant('A'.repeat(1_000_000)),
);

/** Nothing that VS Code, markdown, HTML or a terminal would act on; one line; bounded. */
function assertInert(text: string, maxLength: number): void {
  assert.ok(!text.includes(']('), `link syntax in ${JSON.stringify(text.slice(0, 80))}`);
  assert.ok(!/[<>]/.test(text), 'markup');
  assert.ok(!text.includes('$('), 'codicon syntax');
  assert.ok(!text.includes(']:'), 'reference definition');
  // eslint-disable-next-line no-control-regex -- control characters are what is being looked for
  assert.ok(!/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(text), 'control');
  assert.ok(text.length <= maxLength, `${text.length} characters`);
}

describe('server text reaches the user only as inert text, on every path (property)', () => {
  it('an error message from the server (panel, notifications, tree tooltips)', () => {
    fc.assert(
      fc.property(hostile, (message) => {
        const text = describeError({ kind: 'api', status: 200, message }, context, english).message;
        assertInert(text, 400);
      }),
      { numRuns: 300 },
    );
  });

  it('the account name and number, and the raw status, in the sidebar and the panel', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, verifiedName, status) => {
        const reply = statusFromReply({
          status: 200,
          body: { error: false, instance: { status, user: { id: `${name}@s.whatsapp.net`, name, verifiedName } } },
          text: '',
          retryAfter: null,
          receivedAt: 0,
        });
        assert.ok(reply.ok);
        const look = describeInstance(instance, entryFromStatus(reply.value), english);
        for (const line of [look.label, look.description, ...look.tooltip]) assertInert(line, 400);
        assertInert(linkedAccount(reply.value.user), 200);
        const connected = toPanelContent({ kind: 'connected', status: reply.value }, { kind: 'idle' }, context);
        assertInert(connected.message ?? '', 400);
        const expired = toPanelContent(
          { kind: 'expired', checking: false, loggedInButStatus: status },
          { kind: 'idle' },
          context,
        );
        assertInert(expired.message ?? '', 400);
      }),
      { numRuns: 200 },
    );
  });

  it('the log: one line per failed call, bounded, whatever the server says', async () => {
    const lines: string[] = [];
    await fc.assert(
      fc.asyncProperty(hostile, async (message) => {
        lines.length = 0;
        const fetch: FetchLike = () =>
          Promise.resolve({
            status: 400,
            headers: { get: () => null },
            text: () => Promise.resolve(JSON.stringify({ error: true, message })),
          });
        const calls = new Calls({
          tokenOf: () => Promise.resolve('secret-token'),
          policy: () => ({ allowInsecureHttp: false, timeoutMs: 1_000 }),
          fetch,
          log: { warn: (line) => lines.push(line) },
        });
        await calls.for(instance).getStatus();
        assert.equal(lines.length, 1);
        assert.ok(!/[\r\n\u2028\u2029]/.test(lines[0]), 'a second line');
        assert.ok(lines[0].length <= 501, `${lines[0].length} characters`);
        assert.ok(!lines[0].includes('secret-token'));
      }),
      { numRuns: 100 },
    );
  });
});
