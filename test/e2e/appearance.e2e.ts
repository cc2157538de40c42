import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, screenshotsDir, startStack } from './harness/stack';

const KEY = 'megastart-theme1';
const TOKEN = 'token-theme';

describe('the QR stays scannable in every theme and in a narrow column', function () {
  let stack: Stack;

  before(async function () {
    stack = await startStack({
      instances: [`${KEY}:${TOKEN}`],
      qrRotateSeconds: 600,
      settings: (mockUrl) => ({ 'megaapi.baseUrl': mockUrl, 'workbench.colorTheme': 'Default Dark Modern' }),
    });
    const { workbench } = stack;
    await workbench.showQrFor(KEY, TOKEN);
  });
  after(async () => stack?.stop());

  // Setting id → the label the theme picker shows, and the class the workbench then wears.
  const themes: Record<string, { label: string; cls: string }> = {
    'Default Dark Modern': { label: 'Dark Modern', cls: 'vs-dark' },
    'Default Light Modern': { label: 'Light Modern', cls: 'vs' },
    'Default High Contrast': { label: 'Dark High Contrast', cls: 'hc-black' },
  };

  const setTheme = async (theme: string) => {
    const { page } = stack.workbench;
    const { label, cls } = themes[theme];
    await stack.workbench.runCommand('Preferences: Color Theme');
    const input = page.locator('.quick-input-widget input');
    await input.fill(label);
    await stack.workbench.quickPickRow(label).click();
    await page.waitForFunction((c) => document.querySelector('.monaco-workbench')?.classList.contains(c) ?? false, cls);
  };

  for (const theme of Object.keys(themes)) {
    it(`decodes in ${theme}`, async () => {
      await setTheme(theme);
      const expected = (await stack.mock.state(KEY)).currentQr as string;
      assert.equal(await stack.workbench.waitForQr(expected), expected);
      const box = await stack.workbench.qrBox();
      assert.ok(box.width >= 264, `the QR is ${box.width}px wide`);
      if (theme !== 'Default High Contrast') {
        mkdirSync(screenshotsDir, { recursive: true });
        const name = theme.includes('Dark') ? 'panel-dark.png' : 'panel-light.png';
        await stack.workbench.screenshot(join(screenshotsDir, name));
      }
    });
  }

  it('decodes in a narrow editor column (about 320 px)', async () => {
    const { workbench, mock } = stack;
    await workbench.runCommand('View: Close Primary Side Bar');
    await workbench.page.setViewportSize({ width: 380, height: 800 });
    await workbench.page.waitForTimeout(1_000);
    const expected = (await mock.state(KEY)).currentQr as string;
    assert.equal(await workbench.waitForQr(expected), expected);
    const box = await workbench.qrBox();
    assert.ok(box.width <= 340 && box.width >= 200, `the QR is ${box.width}px wide`);
  });
});
