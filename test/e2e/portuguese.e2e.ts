import * as assert from 'node:assert/strict';
import { packageFixture } from './harness/fixtures';
import { Stack, startStack } from './harness/stack';

const KEY = 'megastart-ptbr1';
const TOKEN = 'token-ptbr';

describe('em português (pt-BR)', function () {
  let stack: Stack;

  before(async () => {
    // VS Code runs in a locale only when a language pack declares it; Microsoft's
    // cannot be downloaded here, so a fixture declares pt-br and translates
    // nothing of VS Code: every Portuguese word checked below is the extension's.
    const fixture = packageFixture('e2e/pt-br-locale');
    stack = await startStack({
      instances: [`${KEY}:${TOKEN}`],
      qrRotateSeconds: 600,
      locale: 'pt-br',
      alsoInstall: [fixture],
    });
  });
  after(async () => stack?.stop());

  it('pergunta, mostra o QR e o botão Atualizar em português', async () => {
    const { workbench, mock } = stack;
    await workbench.runCommand('MegaAPI: Mostrar QR');
    const hostPrompt = await workbench.answer('Host da MegaAPI', mock.url);
    assert.match(hostPrompt, /como aparece no painel da MegaAPI/);
    await workbench.answer('Chave da instância MegaAPI', KEY);
    await workbench.answer(`Token MegaAPI de ${KEY}`, TOKEN);
    const expected = (await mock.state(KEY)).currentQr as string;
    assert.equal(await workbench.waitForQr(expected), expected);
    const view = await workbench.panelView();
    assert.equal(view.headline, 'Escaneie com o WhatsApp do seu celular');
    const frame = await workbench.panelFrame();
    assert.equal((await frame.textContent('button#refresh'))?.trim(), 'Atualizar');
    assert.equal((await frame.textContent('#pairing summary'))?.trim(), 'Conectar com número de telefone');
  });
});
