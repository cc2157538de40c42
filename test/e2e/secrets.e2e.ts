import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, startStack } from './harness/stack';

const KEY = 'megastart-leak1';
const TOKEN = 'LEAKCHECK-7d1e9b3f5a';
const WRONG = 'LEAKCHECK-wrong-42c8';

/** Every file under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    if (stat.isDirectory()) return filesContaining(path, needle);
    return stat.isFile() && readFileSync(path).includes(needle) ? [path] : [];
  });
}

describe('the token goes nowhere but the Authorization header', function () {
  let stack: Stack;

  before(async () => {
    stack = await startStack({
      instances: [`${KEY}:${TOKEN}`],
      qrRotateSeconds: 600,
      settings: (url) => ({ 'megaapi.baseUrl': url }),
    });
  });
  after(async () => stack?.stop());

  it('after a rejected token, Set Token, a QR and a pairing code, it is in no file, page, message or URL', async () => {
    const { workbench, mock, codeServer } = stack;
    await workbench.runCommand('MegaAPI: Show QR');
    await workbench.answer('instance key', KEY);
    await workbench.answer(`MegaAPI token for ${KEY}`, WRONG);
    await workbench.waitForPanelState('error');
    await workbench.clickInPanel('button[data-action="setToken"]');
    await workbench.answer(`MegaAPI token for ${KEY}`, TOKEN);
    await workbench.readQr();
    const frame = await workbench.panelFrame();
    await frame.click('#pairing summary');
    await frame.fill('#phone', '5511999999999');
    await frame.click('#pairing-submit');
    await frame.waitForSelector('#pairing-result:not([hidden])');
    // Let the log channel and state flush to disk.
    await workbench.page.waitForTimeout(2_000);

    // The Output channel's file is among what gets searched: it holds the 401.
    assert.ok(
      filesContaining(codeServer.dirs.userData, 'unauthorized (status=401)').length > 0,
      'the MegaAPI log was found',
    );
    const requests = await mock.requests(KEY);
    assert.ok(
      requests.some((r) => r.authorization === `Bearer ${TOKEN}`),
      'the token was used',
    );
    for (const secret of [TOKEN, WRONG]) {
      for (const r of requests) {
        assert.ok(!`${r.path}${JSON.stringify(r)}`.replace(r.authorization ?? '', '').includes(secret), 'not in a URL');
      }
      const dirs = [codeServer.dirs.userData, codeServer.dirs.extensions, codeServer.dirs.workspace];
      assert.deepEqual(
        dirs.flatMap((d) => filesContaining(d, secret)),
        [],
        'not in settings, globalState, logs or the Output channel',
      );
      assert.ok(!readFileSync(codeServer.dirs.log, 'utf8').includes(secret), 'not in the code-server log');
      for (const f of workbench.page.frames()) {
        const html = await f.content().catch(() => '');
        assert.ok(!html.includes(secret), `not in the page or a webview (${f.url().slice(0, 60)})`);
      }
      assert.ok(!(await workbench.notifications()).join('\n').includes(secret), 'not in a notification');
    }
  });
});
