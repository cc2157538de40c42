import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { MockFault } from '../mock/faults';
import {
  Mock,
  Prompted,
  answering,
  closeAllEditors,
  qrTabs,
  removeInstance,
  setToken,
  sleep,
  treeItems,
  waitFor,
} from '../vscode/suite/support';

/**
 * `npm run soak [seconds]`: the extension in code-server against the mock,
 * with a random fault on the routes every moment (5xx with HTML, 429 with odd
 * Retry-After values, resets, slow and truncated bodies, garbage JSON, token
 * echoes, huge and malformed images), while a QR panel stays open and the
 * sidebar keeps refreshing. At the end: no unhandled rejection, a bounded
 * request rate and memory, no token in any message, and recovery once the
 * faults stop.
 */
const SECONDS = Number(process.env.MEGAAPI_SOAK_SECONDS || 120);
const TOKEN = 'soak-token-3f9c1a7d5e2b';
const key = 'megastart-soak1';

function faults(): MockFault[] {
  const echo = `{"error":true,"message":"bad token Bearer ${TOKEN} ${Buffer.from(`Bearer ${TOKEN}`).toString('base64')}"}`;
  const gif = Buffer.from('R0lGODlhAQABAAAAACwAAAAAgD6APgAAAkwBADs=', 'base64').toString('base64');
  return [
    { status: 502, body: '<html><body>Bad Gateway</body></html>', contentType: 'text/html' },
    { status: 503, body: '<html>down</html>', contentType: 'text/html' },
    { status: 429, headers: { 'Retry-After': '-5' }, body: '{}' },
    { status: 429, headers: { 'Retry-After': '999999999' }, body: '{}' },
    { status: 429, headers: { 'Retry-After': 'soon' }, body: '{}' },
    { resetMidBody: true },
    { delayMs: 4_000 },
    { status: 200, body: '{"error":false,"instance_data":' },
    { status: 200, body: 'not json at all' },
    { status: 401, body: echo },
    { status: 200, body: echo },
    {
      status: 200,
      body: `{"error":false,"instance_data":{"user":{"id":"1@s","name":"${TOKEN}"},"phone_connected":false}}`,
    },
    { status: 200, body: `{"qrcode":"data:image/gif;base64,${gif}"}` },
    { status: 200, body: '{"qrcode":"data:image/png;base64,AAAA"}' },
    { bigBodyBytes: 3_000_000 },
  ];
}

describe(`soak: ${SECONDS} s of random faults`, function () {
  this.timeout((SECONDS + 240) * 1000);
  let mock: Mock;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  before(async () => {
    mock = await Mock.connect();
    await mock.addInstance(key, TOKEN);
    await setToken(mock.instance(key), TOKEN);
    process.on('unhandledRejection', onRejection);
  });
  after(async () => {
    process.off('unhandledRejection', onRejection);
    await mock.reset();
    await closeAllEditors();
    await removeInstance(mock.instance(key));
  });

  it('keeps serving, bounded, with no token anywhere, and recovers once the faults stop', async () => {
    const instance = { instance: mock.instance(key) };
    const list = faults();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    await mock.clearRequests();
    const { seen } = await answering(
      [],
      async () => {
        await vscode.commands.executeCommand('megaapi.showQr', instance);
        const end = Date.now() + SECONDS * 1000;
        let round = 0;
        while (Date.now() < end) {
          await mock.fault({ ...list[Math.floor(Math.random() * list.length)], count: 3 });
          if (round % 3 === 0) void vscode.commands.executeCommand('megaapi.refreshStatus', instance);
          if (round % 10 === 0) void vscode.commands.executeCommand('megaapi.showQr', instance);
          round++;
          heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
          await sleep(1_000);
        }
      },
      { notifications: 'dismiss' },
    );
    const requests = await mock.requests(key);
    await mock.reset();

    assert.deepEqual(rejections, [], 'unhandled rejections in the extension host');
    // The panel's cap (a few QRs, a status poll every few seconds, backoff on faults) plus the sidebar's refreshes.
    const perSecond = requests.length / SECONDS;
    assert.ok(perSecond <= 2, `${requests.length} requests in ${SECONDS} s`);
    assert.ok(heapPeak - heapBefore < 200 * 1024 * 1024, `heap grew by ${(heapPeak - heapBefore) >> 20} MB`);
    const leaks = (prompted: Prompted) => prompted.text.includes(TOKEN) || prompted.text.includes(TOKEN.slice(0, 12));
    assert.deepEqual(seen.filter(leaks), [], 'a token reached a message');
    for (const item of await treeItems()) assert.ok(!JSON.stringify(item).includes(TOKEN), 'a token in the sidebar');

    // Faults stopped: one refresh interval later the instance reads as it is.
    await vscode.commands.executeCommand('megaapi.refreshStatus', instance);
    await waitFor(
      'the sidebar to recover',
      async () => {
        const item = (await treeItems()).find((i) => JSON.stringify(i).includes(key));
        return item?.contextValue === 'instance.disconnected' || item?.contextValue === 'instance.connected';
      },
      25_000,
    );
    assert.ok(qrTabs().length <= 1, 'one QR panel per instance');
    const logs = logFiles();
    const leaked = logs.filter((file) => {
      const text = readFileSync(file, 'latin1');
      return text.includes(TOKEN) || text.includes(TOKEN.slice(0, 12));
    });
    assert.ok(
      logs.some((file) => file.endsWith('MegaAPI.log')),
      'the extension log was not found',
    );
    assert.deepEqual(leaked, [], 'a token in a log file');
    console.log(
      `soak: ${logs.length} log files searched for the token: ${logs.map((f) => f.split('/').slice(-2).join('/')).join(', ')}`,
    );
    console.log(`soak: ${requests.length} requests in ${SECONDS} s, heap +${(heapPeak - heapBefore) >> 20} MB peak`);
  });
});

/** Every log file of this run: the runner opens `<workDir>/workspace`, and code-server logs under `<workDir>`. */
function logFiles(): string[] {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return [];
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 8) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path, depth + 1);
      else if (/\.log$/.test(name) && stat.size < 50_000_000) found.push(path);
    }
  };
  try {
    walk(dirname(folder), 0);
  } catch {
    // A file that went away while walking: what was found is searched.
  }
  return found;
}
