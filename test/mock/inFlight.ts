/**
 * API requests being answered right now, and the most there have been at once
 * since the last reset: the bench checks that the sidebar never has more than
 * its bound in flight.
 */
export class InFlight {
  private current = 0;
  private most = 0;

  /** Counts a request in; the returned function counts it out, once however often it is called. */
  enter(): () => void {
    this.current += 1;
    this.most = Math.max(this.most, this.current);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.current -= 1;
    };
  }

  /** The peak starts again from what is in flight now. */
  reset(): void {
    this.most = this.current;
  }

  snapshot(): { inFlight: number; peak: number } {
    return { inFlight: this.current, peak: this.most };
  }
}
