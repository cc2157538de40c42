import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { waitFor } from './harness/processes';
import { Stack, startLinkedStack } from './harness/stack';

const KEY = 'megastart-snip1';
const TOKEN = 'token-snippets-e2e-77b2';

function sh(script: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', script], { env, timeout: 15_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

describe('snippets and groups: Copy Request as Code and Copy Group ID', function () {
  let stack: Stack;
  /** What the workbench put on the browser's clipboard (the page may read it: the permission is granted below). */
  const clipboard = () => stack.workbench.page.evaluate(() => navigator.clipboard.readText());

  before(async () => {
    stack = await startLinkedStack(KEY, TOKEN);
    const page = stack.workbench.page;
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  });
  after(async () => stack?.stop());

  it('Copy Request as Code puts a working cURL command on the clipboard, without the token', async () => {
    const { workbench, mock } = stack;
    await workbench.runCommand('MegaAPI: Copy Request as Code…');
    await workbench.prompt('Which call?');
    await workbench.quickPickRow('Send a text message').click();
    await workbench.prompt('in which language?');
    await workbench.quickPickRow('cURL').click();
    const copied = await waitFor('the snippet on the clipboard', async () => {
      const text = await clipboard().catch(() => '');
      return text.includes('curl --request') ? text : undefined;
    });
    assert.ok(!copied.includes(TOKEN), 'the token is not on the clipboard');
    assert.match(copied, /MEGAAPI_TOKEN/);

    const before = (await mock.requests(KEY)).length;
    const output = await sh(copied, { ...process.env, MEGAAPI_TOKEN: TOKEN });
    assert.match(output, /"error":false/, output);
    const [sent] = (await mock.requests(KEY)).slice(before);
    assert.deepEqual(
      [sent.method, sent.path, sent.authorized, sent.body],
      [
        'POST',
        `/rest/sendMessage/${KEY}/text`,
        true,
        { messageData: { to: '5511999999999', text: 'Hello from MegaAPI' } },
      ],
    );
  });

  it('Copy Group ID on a group in the sidebar copies its id', async () => {
    const { workbench } = stack;
    await workbench.runCommand('View: Show MegaAPI');
    const row = workbench.sidebarRow(KEY);
    await waitFor('the instance connected in the sidebar', async () =>
      (await row.innerText()).includes('Loja Teste') ? true : undefined,
    );
    await row.locator('.monaco-tl-twistie').click();
    const folder = workbench.sidebarRow('Groups');
    await folder.waitFor();
    await folder.locator('.monaco-tl-twistie').click();
    const group = workbench.sidebarRow('Second Mock Group');
    await group.waitFor();
    await group.hover();
    await group.locator('.action-label[aria-label="Copy Group ID"]').click();
    await waitFor('the group id on the clipboard', async () =>
      (await clipboard().catch(() => '')) === '120363000000000002@g.us' ? true : undefined,
    );
  });
});
