import { Page } from 'playwright-core';
import { UI_REQUEST_MARKER, UiRequest, isUiRequest } from '../uiRequest';

const STEP_TIMEOUT_MS = 15_000;

/**
 * Types into the workbench's prompts for the suite (see ../uiRequest.ts),
 * one request after the other in the order they were printed: a flow's
 * prompts come in sequence, and each waits for its own.
 */
export class UiDriver {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly page: Page,
    private readonly report: (line: string) => void,
  ) {}

  /** True when the console line was a request; it is then queued, not printed. */
  take(line: string): boolean {
    const at = line.indexOf(UI_REQUEST_MARKER);
    if (at < 0) return false;
    let request: unknown;
    try {
      request = JSON.parse(line.slice(at + UI_REQUEST_MARKER.length));
    } catch {
      request = undefined;
    }
    if (!isUiRequest(request)) {
      this.report(`ui driver: not a request: ${line}`);
      return true;
    }
    const valid = request;
    this.queue = this.queue
      .then(() => this.typeInto(valid))
      .catch((error: unknown) => this.report(`ui driver: typing into "${valid.expect}" failed: ${String(error)}`));
    return true;
  }

  private async typeInto({ expect, text }: UiRequest): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const showing = async () => {
      if (!(await widget.isVisible())) return false;
      // A box on its way out (Enter pressed, or the focus went elsewhere) takes no more typing.
      if (await widget.evaluate((element) => element.classList.contains('quick-input-widget-closing'))) return false;
      const shown = await widget
        .locator('.quick-input-title, .quick-input-message, input')
        .evaluateAll((els) =>
          els.map((e) => (e instanceof HTMLInputElement ? e.placeholder : (e.textContent ?? ''))).join('\n'),
        );
      return shown.includes(expect);
    };
    await until(`a prompt with "${expect}"`, showing);
    const input = widget.locator('input').first();
    await input.fill(text);
    // The box validates as it is typed into; Enter before that is refused.
    await this.page.waitForTimeout(150);
    // The suite may open the same prompt again the moment this one closes,
    // faster than any polling sees it gone: the widget notes its own hiding.
    await widget.evaluate((element) => {
      const el = element as HTMLElement & { megaapiHidden?: boolean };
      el.megaapiHidden = false;
      const observer = new MutationObserver(() => {
        // With motion on, hiding starts with a closing class and ends with display: none 150 ms later.
        if (el.style.display !== 'none' && !el.classList.contains('quick-input-widget-closing')) return;
        el.megaapiHidden = true;
        observer.disconnect();
      });
      observer.observe(el, { attributes: true, attributeFilter: ['style', 'class'] });
    });
    await input.press('Enter');
    const hidden = () => widget.evaluate((element) => (element as { megaapiHidden?: boolean }).megaapiHidden === true);
    // The next prompt of a flow may also take the widget over without hiding it.
    await until(`the prompt with "${expect}" to take the text`, async () => (await hidden()) || !(await showing()));
  }
}

async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < end) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
