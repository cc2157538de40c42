import { Clock, TimerSlot, systemClock } from '../core/clock';

/**
 * Changes this close together (one round of status answers) redraw the tree
 * once: with dozens of instances answering a Refresh, redrawing every row for
 * every answer would make the whole refresh quadratic.
 */
export const GATHER_MS = 30;

/**
 * VS Code passes a tree's changes on to the window at once only when the
 * previous change is 200 ms old; a change sooner than that waits until 200 ms
 * pass with no change at all (the extension host debounces
 * `onDidChangeTreeData` by 200 ms, leading edge). This is that gap, with a
 * margin for timers.
 */
export const SHOWN_GAP_MS = 210;

/** When the sidebar sends VS Code its "the tree changed". */
export class RedrawPacer {
  private readonly timer: TimerSlot;
  private lastSent = -Infinity;

  constructor(
    private readonly send: () => void,
    private readonly clock: Clock = systemClock,
  ) {
    this.timer = new TimerSlot(clock);
  }

  /** Something changed: it goes out with whatever else changes in the next moment. */
  changed(): void {
    if (!this.timer.active) this.sendIn(GATHER_MS);
  }

  /**
   * Nothing else is coming (the last answer of a Refresh is in): what is
   * pending goes out without waiting to gather more, but not so soon after
   * the previous redraw that VS Code would hold it back another 200 ms.
   */
  flush(): void {
    if (this.timer.active) this.sendIn(Math.max(0, this.lastSent + SHOWN_GAP_MS - this.clock.now()));
  }

  dispose(): void {
    this.timer.clear();
  }

  private sendIn(ms: number): void {
    this.timer.set(ms, () => {
      this.lastSent = this.clock.now();
      this.send();
    });
  }
}
