import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_INSTANCE, parseCliArgs } from '../../mock/cliArgs';

describe('mock MegaAPI CLI', () => {
  it('defaults to port 3000, the demo instance and 20 s QRs', () => {
    const parsed = parseCliArgs([]);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.options, {
      port: 3000,
      instances: [DEFAULT_INSTANCE],
      qrRotateMs: 20_000,
      delayMs: 0,
      help: false,
    });
  });

  it('takes repeated instances, splitting at the first colon only', () => {
    const parsed = parseCliArgs([
      '--port',
      '0',
      '--instance',
      'a:t1',
      '--instance',
      'b:eyJ:x',
      '--qr-rotate-seconds',
      '1.5',
      '--delay-ms',
      '200',
    ]);
    assert.ok(parsed.ok);
    assert.equal(parsed.options.port, 0);
    assert.equal(parsed.options.delayMs, 200);
    assert.equal(parsed.options.qrRotateMs, 1500);
    assert.deepEqual(parsed.options.instances, [
      { key: 'a', token: 't1' },
      { key: 'b', token: 'eyJ:x' },
    ]);
  });

  it('refuses bad flags', () => {
    for (const argv of [
      ['--port', '70000'],
      ['--instance', 'nokey'],
      ['--qr-rotate-seconds', '0'],
      ['--delay-ms', '-1'],
      ['--delay-ms', '1.5'],
      ['--bogus'],
    ]) {
      assert.equal(parseCliArgs(argv).ok, false, argv.join(' '));
    }
  });

  it('prints one MOCK_LISTENING line, serves, and exits cleanly on SIGTERM', async () => {
    // __dirname is out/test/unit/mock once bundled; the CLI is out/test/mock/cli.js.
    const child = spawn(
      process.execPath,
      [join(__dirname, '..', '..', 'mock', 'cli.js'), '--port', '0', '--instance', 'k:t'],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await once(lines, 'line')) as [string];
      const match = /^MOCK_LISTENING (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
      assert.ok(match, first);
      const res = await fetch(`${match[1]}/rest/instance/k`, { headers: { Authorization: 'Bearer t' } });
      assert.equal(res.status, 200);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('serves the message, webhook and group endpoints for the default demo instance', async () => {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'mock', 'cli.js'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const [first] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const url = /^MOCK_LISTENING (\S+)$/.exec(first)?.[1];
      assert.ok(url, first);
      const { key, token } = DEFAULT_INSTANCE;
      const api = async (path: string, body?: unknown) => {
        const res = await fetch(url + path, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return (await res.json()) as Record<string, unknown>;
      };
      await fetch(`${url}/__mock/instances/${key}/connect`, { method: 'POST' });
      assert.equal(
        (await api(`/rest/sendMessage/${key}/text`, { messageData: { to: '5511999999999', text: 'demo' } })).error,
        false,
      );
      assert.equal((await api(`/rest/instance/isOnWhatsApp/${key}?jid=5511999999999@s.whatsapp.net`)).exists, true);
      assert.equal(
        (await api(`/rest/webhook/${key}/configWebhook`, { messageData: { webhookEnabled: false } })).error,
        false,
      );
      assert.deepEqual(
        ((await api(`/rest/webhook/${key}`)).webhookData as Record<string, unknown>).webhookEnabled,
        false,
      );
      assert.equal(((await api(`/rest/group/list/${key}`)).groups as unknown[]).length, 2);
      const messages = (await (await fetch(`${url}/__mock/instances/${key}/messages`)).json()) as {
        messages: { text: string }[];
      };
      assert.deepEqual(
        messages.messages.map((m) => m.text),
        ['demo'],
      );
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
  });
});
