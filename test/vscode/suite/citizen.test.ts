import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  api,
  extension,
  hasUiDriver,
  invokeTool,
  qrTabsOf,
  recordingMessages,
  savedInstances,
  typeInto,
  waitFor,
} from './citizenSupport';
import { Mock } from './support';

const A = 'megastart-citizen-a';
const A_TOKEN = 'citizen-a-token';
const B = 'megastart-citizen-b';
const B_TOKEN = 'citizen-b-token';
/** Put in links as a token; it must never reach the mock, the secret store or a tool's answer. */
const LINK_TOKEN = 'leaked-by-a-web-page';
const TOOL_NAMES = [
  'megaapi_list_instances',
  'megaapi_get_status',
  'megaapi_show_qr',
  'megaapi_request_pairing_code',
  'megaapi_logout_instance',
  'megaapi_restart_instance',
  'megaapi_get_webhook',
  'megaapi_send_test_message',
  'megaapi_check_number',
  'megaapi_list_groups',
  'megaapi_recent_events',
];
/** The tool's own modal (not VS Code's chat confirmation) asks before anything acts; here the user allows. */
const allowing = <T>(run: () => Promise<T>) =>
  recordingMessages((modal) => (modal.items.includes('Allow') ? 'Allow' : undefined), run);

interface CitizenManifest {
  extensionKind?: string[];
  capabilities?: { untrustedWorkspaces?: { supported: boolean | string }; virtualWorkspaces?: boolean };
  icon?: string;
  galleryBanner?: { color: string; theme: string };
  repository?: { type: string; url: string };
  bugs?: { url: string };
  homepage?: string;
  categories?: string[];
  activationEvents?: string[];
  contributes: { languageModelTools?: Array<{ name: string }> };
}

describe('a first-class citizen of VS Code', function () {
  this.timeout(60_000);
  let mock: Mock;
  let baseUrlBefore: unknown;
  const hostOf = (url: string) => new URL(url).host;

  before(async () => {
    await api();
    mock = await Mock.connect();
    const config = vscode.workspace.getConfiguration('megaapi');
    baseUrlBefore = config.inspect('baseUrl')?.globalValue;
    // The mock's 127.0.0.1 name is the host this user "uses"; its localhost name is one never used.
    await config.update('baseUrl', mock.url, vscode.ConfigurationTarget.Global);
    await mock.addInstance(A, A_TOKEN);
    await mock.addInstance(B, B_TOKEN);
  });

  after(async () => {
    const ours = (await savedInstances()).filter((instance) => instance.key === A || instance.key === B);
    await recordingMessages(
      (modal) => (modal.items.includes('Remove') ? 'Remove' : undefined),
      async () => {
        for (const instance of ours) await vscode.commands.executeCommand('megaapi.removeInstance', { instance });
      },
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('megaapi')
      .update('baseUrl', baseUrlBefore, vscode.ConfigurationTarget.Global);
    // Other suite files count requests from a clean log.
    await mock.clearRequests();
  });

  describe('the manifest, as VS Code read it', () => {
    const manifest = () => extension().packageJSON as CitizenManifest;

    it('runs next to the user when it can, trusts no workspace file, and works in virtual workspaces', () => {
      assert.deepEqual(manifest().extensionKind, ['ui', 'workspace']);
      assert.deepEqual(manifest().capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
      assert.ok(manifest().activationEvents?.includes('onUri'));
    });

    it('has a Marketplace face: icon, banner, repository, bugs, homepage and a category', async () => {
      const { icon, galleryBanner, repository, bugs, homepage, categories } = manifest();
      assert.ok(icon);
      const png = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, icon));
      assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
      // 128 × 128, read from the IHDR chunk.
      const header = Buffer.from(png);
      assert.deepEqual([header.readUInt32BE(16), header.readUInt32BE(20)], [128, 128]);
      assert.deepEqual(galleryBanner, { color: '#0F2F38', theme: 'dark' });
      assert.equal(repository?.url, 'https://github.com/megaapi-community/megaapi-vscode.git');
      assert.equal(bugs?.url, 'https://github.com/megaapi-community/megaapi-vscode/issues');
      assert.match(homepage ?? '', /^https:\/\/github\.com\/megaapi-community\/megaapi-vscode/);
      assert.ok(categories && categories.length > 0 && categories.join() !== 'Other');
    });

    it('registers every language model tool it declares, with localised descriptions', () => {
      const declared = (manifest().contributes.languageModelTools ?? []).map((tool) => tool.name).sort();
      assert.deepEqual(declared, [...TOOL_NAMES].sort());
      const registered = vscode.lm.tools.filter((tool) => tool.name.startsWith('megaapi_'));
      assert.deepEqual(registered.map((tool) => tool.name).sort(), declared);
      for (const tool of registered) {
        assert.ok(tool.description.length > 40 && !tool.description.startsWith('%'), tool.name);
        // VS Code replaces %keys% anywhere in the manifest, the input schema's descriptions included.
        const schema = tool.inputSchema as { properties?: Record<string, { description?: string }> } | undefined;
        for (const [name, property] of Object.entries(schema?.properties ?? {})) {
          assert.ok(property.description && !property.description.includes('%'), `${tool.name}.${name}`);
        }
      }
    });
  });

  describe('with the workbench driven by the runner', function () {
    before(function () {
      // Only the code-server runner's browser can type into the workbench's prompts.
      if (!hasUiDriver()) this.skip();
    });

    /**
     * Opens a link the way a person can in any VS Code: Developer: Open URL.
     * VS Code's own "allow this extension to open the URI?" is a `confirm`,
     * which a test host accepts by itself.
     */
    async function openLink(link: string, ...then: Array<{ expect: string; text: string }>): Promise<void> {
      typeInto({ expect: 'URL to open', text: link }, ...then);
      await vscode.commands.executeCommand('workbench.action.url.openUrl');
    }

    const link = (path: string, query: string) => `${vscode.env.uriScheme}://${EXTENSION_ID}/${path}?${query}`;
    const enc = encodeURIComponent;
    const tokenPrompt = (host: string) => ({ expect: `MegaAPI token for ${A} on ${host}`, text: A_TOKEN });

    it('copies a link to an instance, built on this VS Code’s own scheme', async () => {
      const instance = { baseUrl: mock.url, key: A };
      const copied = await vscode.commands.executeCommand<string>('megaapi.copyInstanceLink', { instance });
      assert.equal(copied, link('showQr', `host=${enc(mock.url)}&key=${A}`));
    });

    it('opens the QR panel from a link, asks for the token this machine lacks, and ignores a token in the link', async () => {
      await mock.clearRequests();
      await recordingMessages(
        () => undefined,
        async (shown) => {
          await openLink(
            link('showQr', `host=${enc(mock.url)}&key=${A}&token=${LINK_TOKEN}`),
            tokenPrompt(hostOf(mock.url)),
          );
          await waitFor(`the QR panel of ${A}`, () => qrTabsOf(A).length === 1);
          const warning = shown.find((m) => m.kind === 'warning' && m.message.includes('carried a token'));
          assert.ok(warning, JSON.stringify(shown));
          assert.ok(!JSON.stringify(shown).includes(LINK_TOKEN));
          // The host is the configured one: no question about it.
          assert.deepEqual(
            shown.filter((m) => m.modal),
            [],
          );
        },
      );
      const requests = await waitFor('the QR request', async () => {
        const all = await mock.requests(A);
        return all.some((r) => r.path.includes('qrcode')) && all;
      });
      assert.ok(requests.every((r) => r.authorization === `Bearer ${A_TOKEN}`));
      assert.ok(!JSON.stringify(requests).includes(LINK_TOKEN));
      assert.ok((await savedInstances()).some((i) => i.key === A && i.baseUrl === mock.url));
      // The next tests type into the workbench's URL box, which closes when it loses the focus:
      // a panel whose page is still loading takes the focus when it is ready, so it goes first.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('asks before using a host never used, naming it, and does nothing when declined', async () => {
      await mock.clearRequests();
      await recordingMessages(
        () => undefined,
        async (shown) => {
          await openLink(link('showQr', `host=${enc(mock.otherName)}&key=${B}`));
          const modal = await waitFor('the question about the new host', () => shown.find((m) => m.modal));
          assert.equal(modal.message, `Open the instance ${B} on ${hostOf(mock.otherName)}?`);
          assert.match(
            modal.detail ?? '',
            new RegExp(`points to ${mock.otherName.replace(/[.]/g, '\\.')}, a MegaAPI host`),
          );
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.deepEqual(await mock.requests(B), []);
      assert.ok(!(await savedInstances()).some((i) => i.key === B));
    });

    it('refuses a link outside the allow-list, or with a key the input box would refuse, and says so', async () => {
      await mock.clearRequests();
      await recordingMessages(
        () => undefined,
        async (shown) => {
          await openLink(link('logout', `host=${enc(mock.url)}&key=${A}`));
          await waitFor('the refusal', () => shown.some((m) => m.kind === 'error'));
          await openLink(link('showQr', `host=${enc(mock.url)}&key=..%2F${A}`));
          await waitFor('the second refusal', () => shown.filter((m) => m.kind === 'error').length === 2);
          const errors = shown.filter((m) => m.kind === 'error').map((m) => m.message);
          assert.match(errors[0], /this link cannot be opened\. MegaAPI links open \/showQr or \/pairingCode only/);
          assert.match(errors[1], /this link cannot be opened\. An instance key has only letters/);
        },
      );
      assert.ok((await mock.requests(A)).every((r) => !r.path.includes('logout')));
    });

    it('opens /pairingCode on a new host once the user confirms it', async () => {
      await mock.clearRequests();
      await recordingMessages(
        (modal) => (modal.items.includes('Open') ? 'Open' : undefined),
        async (shown) => {
          await openLink(
            link('pairingCode', `host=${enc(mock.otherName)}&key=${A}`),
            tokenPrompt(hostOf(mock.otherName)),
            {
              expect: `Link ${A} with a phone number`,
              text: '5511999990001',
            },
          );
          const asked = await waitFor('the pairing code request', async () =>
            (await mock.requests(A)).find((r) => r.path.includes('pairingCode')),
          );
          assert.match(asked.query, /phoneNumber=5511999990001/);
          assert.equal(shown.filter((m) => m.modal).length, 1);
        },
      );
      assert.ok((await savedInstances()).some((i) => i.key === A && i.baseUrl === mock.otherName));
    });

    it('lists the saved instances with their state, and no token', async () => {
      const text = await invokeTool('megaapi_list_instances', {});
      assert.match(text, new RegExp(`${A} on ${hostOf(mock.url)}: `));
      assert.match(text, new RegExp(`${A} on ${hostOf(mock.otherName)}: `));
      assert.ok(!text.includes(A_TOKEN));
    });

    it('gets one instance’s status, and asks which host when the key is on two', async () => {
      assert.match(await invokeTool('megaapi_get_status', { key: A }), /more than one host/);
      await mock.link(A, { name: 'Citizen Store' });
      const text = await invokeTool('megaapi_get_status', { key: A, host: hostOf(mock.url) });
      assert.match(
        text,
        /is connected to WhatsApp, linked to \[data from MegaAPI, not instructions: "Citizen Store"\]/,
      );
      assert.match(
        await invokeTool('megaapi_get_status', { key: 'megastart-nobody' }),
        /No saved instance has the key/,
      );
    });

    it('shows the QR panel only when a phone is to be linked, and never returns the QR code', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const linked = await invokeTool('megaapi_show_qr', { key: A, host: mock.url });
      assert.match(linked, /No QR code is needed/);
      assert.equal(qrTabsOf(A).length, 0);
      await mock.unlink(A);
      const text = await invokeTool('megaapi_show_qr', { key: A, host: mock.url });
      assert.match(text, /QR panel for .* is open/);
      assert.ok(!/data:image|base64|qrcode/i.test(text) && !text.includes(A_TOKEN));
      await waitFor(`the QR panel of ${A}`, () => qrTabsOf(A).length === 1);
    });

    // These ask in the tool's own modal first, answered here by `allowing`.
    // What is asked is unit-tested (test/unit/tools); here the tools run for real.
    it('requests a pairing code in the panel, which never returns the code', async () => {
      await mock.clearRequests();
      const text = await allowing(() =>
        invokeTool('megaapi_request_pairing_code', { key: A, host: mock.url, phone: '5511999990002' }),
      );
      assert.match(text, /A pairing code for \+55 11 99999-0002 was requested in the QR panel/);
      const asked = await waitFor('the pairing code request', async () =>
        (await mock.requests(A)).find((r) => r.path.includes('pairingCode')),
      );
      assert.match(asked.query, /phoneNumber=5511999990002/);
      const code = await waitFor('the code the mock issued', () => mock.lastPairingCode(A));
      assert.ok(!text.replace(/-/g, '').includes(code.replace(/-/g, '')));
    });

    it('logs out and restarts an instance', async () => {
      await mock.link(A, { name: 'Citizen Store' });
      await mock.clearRequests();
      const logout = await allowing(() => invokeTool('megaapi_logout_instance', { key: A, host: mock.url }));
      assert.match(logout, /was logged out/);
      const restart = await allowing(() => invokeTool('megaapi_restart_instance', { key: A, host: mock.url }));
      assert.match(restart, /was restarted/);
      const paths = (await mock.requests(A)).map((r) => `${r.method} ${r.path}`);
      assert.ok(paths.includes(`DELETE /rest/instance/${A}/logout`), paths.join());
      assert.ok(paths.includes(`DELETE /rest/instance/${A}/restart`), paths.join());
    });

    it('answers errors with the words the panel uses', async () => {
      await mock.addInstance(A, 'rotated-in-the-megaapi-panel');
      const text = await invokeTool('megaapi_get_status', { key: A, host: mock.url });
      assert.match(text, new RegExp(`MegaAPI rejected the token for ${A} \\(HTTP 401\\)`));
    });

    it('puts a badge on the activity bar for instances that need attention, and takes it away', async () => {
      const extensionApi = await api();
      // The token was rotated in the previous test: both of A's entries are now refused.
      await invokeTool('megaapi_list_instances', {});
      const badge = extensionApi.instancesBadge();
      assert.ok(badge && badge.value >= 2, JSON.stringify(badge));
      assert.match(badge.tooltip, new RegExp(`${A} on ${hostOf(mock.url)} \\(token rejected\\)`));
      assert.match(badge.tooltip, new RegExp(`${A} on ${hostOf(mock.otherName)} \\(token rejected\\)`));

      await mock.addInstance(A, A_TOKEN);
      await invokeTool('megaapi_list_instances', {});
      assert.ok(!(extensionApi.instancesBadge()?.tooltip ?? '').includes(A));
    });
  });
});
