import { Page } from 'playwright-core';

/** Set by `npm run soak`: what the runner watches the page for while the soak runs. */
export const SCREEN_WATCH_ENV = 'MEGAAPI_SCREEN_WATCH';

interface WatchSpec {
  /** Texts that must never be on screen (the soak's tokens). */
  secrets: string[];
  /** The longest a QR panel may show "loading" without a break. */
  loadingLimitMs: number;
  /** The soak keeps a QR panel open: never seeing one means the watch looked in the wrong place. */
  expectPanel: boolean;
}

/**
 * Looks at the workbench every second while the soak runs: the text of every
 * frame (the webviews' too) must hold no secret, and no QR panel may stay in
 * its loading state longer than the limit. The extension host cannot see the
 * page; the runner can, so it judges and turns a passing suite into a failure.
 */
export class ScreenWatch {
  private timer?: NodeJS.Timeout;
  private samples = 0;
  private frameTexts = 0;
  private loadingSince?: number;
  private longestLoadingMs = 0;
  private panelSamples = 0;
  private readonly states = new Set<string>();
  private readonly leaks = new Set<string>();
  private busy = false;

  private constructor(
    private readonly page: Page,
    private readonly spec: WatchSpec,
  ) {}

  static fromEnv(page: Page): ScreenWatch | undefined {
    const raw = process.env[SCREEN_WATCH_ENV];
    if (!raw) return undefined;
    const spec = JSON.parse(raw) as WatchSpec;
    return new ScreenWatch(page, spec);
  }

  start(): void {
    this.timer = setInterval(() => void this.sample(), 1_000);
  }

  /** Stops, and gives the verdict: '' when nothing was wrong. */
  finish(): string {
    clearInterval(this.timer);
    const problems: string[] = [];
    if (this.leaks.size > 0) problems.push(`a token on screen in ${[...this.leaks].join(', ')}`);
    if (this.longestLoadingMs > this.spec.loadingLimitMs) {
      problems.push(`a QR panel stayed loading ${this.longestLoadingMs} ms (limit ${this.spec.loadingLimitMs} ms)`);
    }
    if (this.samples === 0) problems.push('the screen was never sampled');
    if (this.spec.expectPanel && this.panelSamples === 0) problems.push('no QR panel was ever seen on screen');
    console.log(
      `soak screen: ${this.samples} samples, ${this.frameTexts} frame texts searched, ` +
        `QR panel seen in ${this.panelSamples} (states: ${[...this.states].join(', ')}), ` +
        `longest QR loading ${this.longestLoadingMs} ms, token on screen: ${this.leaks.size > 0 ? 'yes' : 'no'}`,
    );
    return problems.join('; ');
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      let loading = false;
      for (const frame of this.page.frames()) {
        const seen = await frame
          .evaluate(() => ({
            text: `${document.body?.innerText ?? ''}\n${Array.from(document.querySelectorAll('input, textarea'))
              .map((e) => (e as HTMLInputElement).value)
              .join('\n')}`,
            state: document.querySelector('#app')?.getAttribute('data-state') ?? undefined,
          }))
          .catch(() => undefined);
        if (!seen) continue;
        this.frameTexts += 1;
        if (seen.state !== undefined) {
          this.panelSamples += 1;
          this.states.add(seen.state);
        }
        loading ||= seen.state === 'loading';
        for (const secret of this.spec.secrets) {
          if (seen.text.includes(secret)) this.leaks.add(frame.url().slice(0, 80) || 'the workbench');
        }
      }
      const now = Date.now();
      if (loading) {
        this.loadingSince ??= now;
        this.longestLoadingMs = Math.max(this.longestLoadingMs, now - this.loadingSince);
      } else {
        this.loadingSince = undefined;
      }
      this.samples += 1;
    } finally {
      this.busy = false;
    }
  }
}
