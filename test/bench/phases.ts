import { median } from './measure';
import { Sample } from './showQr';

/** The phases of command → QR and of Refresh, in the order they happen, with what each one is. */
export const PHASES: Array<[string, string]> = [
  ['activateCalled', 'activate() called (cold: after its code loaded)'],
  ['activated', 'activate() returned'],
  ['commandRun', 'command handler running'],
  ['panelCreated', 'panel created'],
  ['webviewFrame', 'webview host frame loading (page)'],
  ['swapRequested', 'click reached the extension'],
  ['qrRequested', 'QR request sent'],
  ['qrAtServer', 'QR request reached the mock'],
  ['qrAnswered', 'QR request answered'],
  ['htmlSet', 'HTML set'],
  ['contentFrame', 'content frame loading (page)'],
  ['webviewReady', 'webview script running (its first message in)'],
  ['renderPosted', 'render posted with the image'],
  ['qrShown', 'image decoded on screen'],
];

export type PhaseMedians = Record<string, number>;

/** Median ms since the key press (or click) of every phase seen in at least half of the samples. */
export function phaseMedians(samples: Sample[]): PhaseMedians {
  const out: PhaseMedians = {};
  for (const [name] of PHASES) {
    const seen = samples.map((s) => s.phases[name]).filter((v): v is number => v !== undefined);
    if (seen.length * 2 >= samples.length && seen.length > 0) out[name] = Math.round(median(seen));
  }
  return out;
}

/** Ours and the baseline side by side, ms since the key press; "—" where a side has no such phase. */
export function phaseTable(title: string, ours: PhaseMedians, baseline: PhaseMedians): string {
  const rows = PHASES.filter(([name]) => ours[name] !== undefined || baseline[name] !== undefined);
  const width = Math.max(...rows.map(([, label]) => label.length), title.length);
  const cell = (v: number | undefined) => (v === undefined ? '—' : `${v}`).padStart(8);
  return [
    `${title.padEnd(width)}  ${'ours'.padStart(8)}  ${'baseline'.padStart(8)}`,
    ...rows.map(([name, label]) => `${label.padEnd(width)}  ${cell(ours[name])}  ${cell(baseline[name])}`),
  ].join('\n');
}
