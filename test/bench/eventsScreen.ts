import { randomBytes } from 'node:crypto';
import { BenchStack, KEYS } from './benchStack';
import { EVENTS_KEY, ListeningStack } from './listenStack';
import { post } from './post';
import { Side } from './showQr';

/** A message event whose text starts with `text`: the row's label shows it, on both sides. */
export function textEvent(text: string, id: string): string {
  return JSON.stringify({
    instance_key: EVENTS_KEY,
    jid: '5511999990000@s.whatsapp.net',
    messageType: 'conversation',
    key: { remoteJid: '5511988887777@s.whatsapp.net', fromMe: false, id },
    pushName: 'Bench Sender',
    messageTimestamp: Math.floor(Date.now() / 1000),
    message: { conversation: `${text} ${'lorem ipsum dolor sit amet '.repeat(4)}` },
  });
}

/**
 * Arms a MutationObserver on the sidebar that stamps (epoch ms, the marks'
 * clock) the first moment a list row holding `text` is in the DOM.
 */
async function watchForRow(stack: BenchStack, text: string): Promise<void> {
  await stack.page.evaluate((text) => {
    const w = window as unknown as { benchRow?: { text: string; at?: number } };
    const state: { text: string; at?: number } = { text };
    w.benchRow = state;
    const sidebar = document.querySelector('.part.sidebar');
    if (!sidebar) throw new Error('no sidebar');
    const seen = () =>
      Array.from(sidebar.querySelectorAll('.monaco-list-row')).some((row) => row.textContent?.includes(text));
    const observer = new MutationObserver(() => {
      if (state.at === undefined && seen()) {
        state.at = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(sidebar, { childList: true, subtree: true, characterData: true });
  }, text);
}

async function rowSeenAt(stack: BenchStack, timeoutMs = 15_000): Promise<number> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const at = await stack.page.evaluate(() => (window as unknown as { benchRow?: { at?: number } }).benchRow?.at);
    if (at !== undefined) return at;
    await stack.page.waitForTimeout(20);
  }
  throw new Error(`no row on screen within ${timeoutMs} ms`);
}

/** Shows the side's view: ours in the MegaAPI sidebar (Webhook Events under the instances), the baseline's in the Explorer. */
export async function showSide(stack: BenchStack, side: Side): Promise<void> {
  await stack.page.keyboard.press(side === 'ours' ? KEYS.openSidebar : KEYS.baselineEvents);
  await stack.page.waitForTimeout(500);
}

/**
 * One event → row: POSTs an event with a unique text to the side's receiver
 * and returns ms from the receiver's `request` event (its `eventReceived`
 * mark) to the row with that text in the workbench's DOM.
 */
export async function eventToRow(listening: ListeningStack, side: Side, n: number): Promise<number> {
  const { stack } = listening;
  const url = side === 'ours' ? listening.receiverUrl : listening.baselineUrl;
  if (!url) throw new Error('no baseline receiver');
  const text = `screen-${side}-${n}-${randomBytes(4).toString('hex')}`;
  await watchForRow(stack, text);
  const sent = Date.now();
  const status = await post(url, textEvent(text, `SCREEN${String(n).padStart(6, '0')}${side[0]}`));
  if (status !== 200) throw new Error(`${side}: the receiver answered ${status}`);
  const received = await stack.waitForMark(side, 'eventReceived', sent, 10_000);
  const shown = await rowSeenAt(stack);
  return shown - received.at;
}
