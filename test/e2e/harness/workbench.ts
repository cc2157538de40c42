import { Browser, Frame, Page, chromium } from 'playwright-core';
import { decodeQr } from './qr';
import { waitFor } from './processes';

/** Flags these machines need: no sandbox as root, no background network (only the npm and Debian registries are reachable). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface PanelView {
  state: string;
  headline: string;
  message: string;
  /** A QR still on screen, marked as possibly expired. */
  stale: boolean;
}

/** Drives the VS Code workbench the way a person does: palette, prompts, the panel. */
export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  /** `beforeOpen` runs in the fresh page before the workbench loads (the bench seeds browser storage there). */
  static async open(
    chromiumPath: string,
    url: string,
    viewport = { width: 1280, height: 900 },
    beforeOpen?: (page: Page) => Promise<void>,
  ): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport });
    await beforeOpen?.(page);
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    // The extension host starts after the workbench paints.
    await page.waitForSelector('.statusbar', { timeout: 30_000 });
    return new Workbench(browser, page);
  }

  /**
   * Runs a command from the palette. Right after the workbench opens, the
   * extension's commands may not be registered yet and an open palette does
   * not refresh its list, so it closes and asks again until the title shows.
   */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const row = this.quickPickRow(title);
    await waitFor(
      `the command "${title}" in the palette`,
      async () => {
        await this.page.keyboard.press('Control+Shift+P');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${title}`);
        const shown = await row.waitFor({ timeout: 2_000 }).then(
          () => true,
          () => false,
        );
        if (!shown) await this.page.keyboard.press('Escape');
        return shown ? true : undefined;
      },
      60_000,
      500,
    );
    // Click the row: Enter would take whichever row the palette ranks first.
    await row.click();
  }

  /** True once the palette lists the command (the extension host has registered it). */
  async hasCommand(title: string): Promise<boolean> {
    await this.page.keyboard.press('Control+Shift+P');
    await this.page.locator('.quick-input-widget input').fill(`>${title}`);
    const shown = await this.quickPickRow(title)
      .waitFor({ timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    await this.page.keyboard.press('Escape');
    return shown;
  }

  /** The quick-pick row whose label is exactly `label`. */
  quickPickRow(label: string) {
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact }) })
      .first();
  }

  /** Waits for a prompt whose title or message contains `expected`, types the answer and presses Enter. */
  async answer(expected: string | RegExp, text: string): Promise<string> {
    const prompt = await this.prompt(expected);
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(text);
    await this.page.waitForTimeout(150);
    await this.page.keyboard.press('Enter');
    // On a busy machine the box can still be validating the new text when Enter
    // arrives, and drops it: press again while the same prompt still holds it.
    for (let tries = 0; tries < 10; tries++) {
      await this.page.waitForTimeout(300);
      const still = await this.prompt(expected, 200).catch(() => undefined);
      if (still === undefined || (await input.inputValue().catch(() => '')) !== text) break;
      await this.page.keyboard.press('Enter');
    }
    return prompt;
  }

  async prompt(expected: string | RegExp, timeoutMs = 30_000): Promise<string> {
    return waitFor(
      `a prompt matching ${expected}`,
      async () => {
        const widget = this.page.locator('.quick-input-widget');
        if (!(await widget.isVisible())) return undefined;
        const text = (await widget
          .locator('.quick-input-title, .quick-input-message, input')
          .evaluateAll((els) =>
            els.map((e) => (e instanceof HTMLInputElement ? e.placeholder : (e.textContent ?? ''))).join('\n'),
          )) as string;
        const matches = typeof expected === 'string' ? text.includes(expected) : expected.test(text);
        return matches ? text : undefined;
      },
      timeoutMs,
    );
  }

  /**
   * Show QR for `key` the way a user does it, answering the token prompt when
   * `token` is given (the first time for that key), and waits for the QR.
   */
  async showQrFor(key: string, token?: string): Promise<string> {
    await this.runCommand('MegaAPI: Show QR');
    await this.answer('instance key', key);
    if (token !== undefined) await this.answer(`MegaAPI token for ${key}`, token);
    return this.readQrOf(key);
  }

  async pressEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /**
   * The frame inside the webview that holds a QR panel (webviews are nested
   * iframes); with `key`, the panel of that instance, told by its page title.
   */
  async panelFrame(timeoutMs = 30_000, key?: string): Promise<Frame> {
    return waitFor(
      key ? `the QR panel of ${key}` : 'the QR panel',
      async () => {
        for (const frame of this.page.frames()) {
          if (!(await frame.$('#app').catch(() => null))) continue;
          if (!key || (await frame.title()).endsWith(`: ${key}`)) return frame;
        }
        return undefined;
      },
      timeoutMs,
    );
  }

  /** Decodes the QR shown in the panel of `key`. */
  async readQrOf(key: string): Promise<string> {
    await this.panelFrame(30_000, key);
    // The frame is looked up on every try: a panel hidden behind another loses its page.
    return waitFor(`a readable QR for ${key}`, async () => {
      for (const frame of await this.panelFrames(key)) {
        const image = await frame.$('#app[data-state="qr"]:not(.stale) #qr[src^="data:image/"]').catch(() => null);
        const text = image ? decodeQr(await image.screenshot()) : undefined;
        if (text) return text;
      }
      return undefined;
    });
  }

  /** Every live frame that holds a QR panel of `key` (two hosts can share a key). */
  private async panelFrames(key: string): Promise<Frame[]> {
    const found: Frame[] = [];
    for (const frame of this.page.frames()) {
      if (!(await frame.$('#app').catch(() => null))) continue;
      if ((await frame.title().catch(() => '')).endsWith(`: ${key}`)) found.push(frame);
    }
    return found;
  }

  async panelView(): Promise<PanelView> {
    const frame = await this.panelFrame();
    return frame.evaluate(() => ({
      state: document.getElementById('app')?.dataset.state ?? '',
      headline: document.getElementById('headline')?.textContent ?? '',
      message: document.getElementById('message')?.textContent ?? '',
      stale: document.getElementById('app')?.classList.contains('stale') ?? false,
    }));
  }

  async waitForPanelText(text: RegExp, timeoutMs = 30_000): Promise<PanelView> {
    return waitFor(
      `the panel to say ${text}`,
      async () => {
        const view = await this.panelView();
        return text.test(`${view.headline} ${view.message}`) ? view : undefined;
      },
      timeoutMs,
      100,
    );
  }

  async waitForPanelState(state: string, timeoutMs = 30_000): Promise<PanelView> {
    return waitFor(
      `the panel in state ${state}`,
      async () => {
        const view = await this.panelView();
        return view.state === state ? view : undefined;
      },
      timeoutMs,
    );
  }

  /** Screenshots the QR image as shown and decodes it like a phone would. */
  async readQr(): Promise<string> {
    const frame = await this.panelFrame();
    return waitFor('a readable QR', async () => {
      const image = await frame.$('#app[data-state="qr"]:not(.stale) #qr[src^="data:image/"]');
      if (!image) return undefined;
      return decodeQr(await image.screenshot());
    });
  }

  /** Waits until the QR on screen decodes to `expected`. */
  async waitForQr(expected: string, timeoutMs = 30_000): Promise<string> {
    return waitFor(
      `the QR ${expected}`,
      async () => {
        const text = await this.readQr();
        return text === expected ? text : undefined;
      },
      timeoutMs,
    );
  }

  async clickInPanel(selector: string): Promise<void> {
    const frame = await this.panelFrame();
    await frame.click(selector);
  }

  async qrBox(): Promise<{ width: number; height: number }> {
    const frame = await this.panelFrame();
    const box = await (await frame.$('#qr'))?.boundingBox();
    if (!box) throw new Error('no QR image on screen');
    return box;
  }

  /** The modal dialog on screen (a confirmation). */
  dialog() {
    return this.page.locator('.monaco-dialog-box');
  }

  /** The newest toast that says `text`. */
  notification(text: string | RegExp) {
    return this.page.locator('.notification-toast', { hasText: text }).last();
  }

  async clickNotificationButton(text: string | RegExp, button: string): Promise<void> {
    await this.notification(text).locator('.monaco-button', { hasText: button }).click();
  }

  /**
   * VS Code drops a toast that comes within 800 ms of three others (it goes
   * to the notification center only); a test is faster than a person, so it
   * clears the toasts it has read and lets that window pass before the next step.
   */
  async settleNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.waitForTimeout(900);
  }

  /** What the open input box or quick pick holds. */
  inputValue(): Promise<string> {
    return this.page.locator('.quick-input-widget input').inputValue();
  }

  /** A row of the MegaAPI sidebar that says `text`. */
  sidebarRow(text: string) {
    return this.page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
  }

  async notifications(): Promise<string[]> {
    return this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  }

  async screenshot(path: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
    await this.page.screenshot({ path, clip });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
