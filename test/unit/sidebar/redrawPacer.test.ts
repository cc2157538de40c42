import * as assert from 'node:assert/strict';
import { GATHER_MS, RedrawPacer, SHOWN_GAP_MS } from '../../../src/sidebar/redrawPacer';
import { FakeClock } from '../support';

function pacer() {
  const clock = new FakeClock();
  const sent: number[] = [];
  const start = clock.now();
  const redraw = new RedrawPacer(() => sent.push(clock.now() - start), clock);
  return { clock, sent, redraw };
}

describe('RedrawPacer (when the sidebar tells VS Code its rows changed)', () => {
  it('redraws a round of answers once, a moment after the first', async () => {
    const { clock, sent, redraw } = pacer();
    redraw.changed();
    await clock.advance(5);
    redraw.changed();
    redraw.changed();
    await clock.advance(100);
    assert.deepEqual(sent, [GATHER_MS]);
  });

  it('redraws each round as it comes, however long the list', async () => {
    const { clock, sent, redraw } = pacer();
    for (let round = 0; round < 5; round++) {
      for (let answer = 0; answer < 4; answer++) redraw.changed();
      await clock.advance(210);
    }
    assert.deepEqual(
      sent,
      [0, 1, 2, 3, 4].map((round) => round * 210 + GATHER_MS),
    );
  });

  it('draws the last answer of a Refresh at once when the previous redraw is old enough', async () => {
    const { clock, sent, redraw } = pacer();
    redraw.changed();
    await clock.advance(300);
    redraw.changed();
    redraw.flush();
    await clock.advance(0);
    assert.deepEqual(sent, [GATHER_MS, 300]);
  });

  it('draws a last answer that follows a redraw closely the moment VS Code would show it, not 200 ms after', async () => {
    const { clock, sent, redraw } = pacer();
    redraw.changed();
    await clock.advance(GATHER_MS + 50);
    redraw.changed();
    redraw.flush();
    await clock.advance(1000);
    assert.deepEqual(sent, [GATHER_MS, GATHER_MS + SHOWN_GAP_MS]);
  });

  it('flushes nothing when nothing changed, and sends nothing once disposed', async () => {
    const { clock, sent, redraw } = pacer();
    redraw.flush();
    await clock.advance(1000);
    assert.deepEqual(sent, []);
    redraw.changed();
    redraw.dispose();
    await clock.advance(1000);
    assert.deepEqual(sent, []);
    assert.equal(clock.pending, 0);
  });
});
