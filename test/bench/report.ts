import { writeFileSync } from 'node:fs';
import { Spread } from './measure';

/** One figure of bench-results.json. */
export interface Row {
  figure: string;
  value: number;
  unit: string;
  /** "≤ 1.15", "< 5"; null for a figure that is reported, not judged. */
  target: string | null;
  met: boolean | null;
  samples?: number[];
  min?: number;
  max?: number;
  /** False when the spread (min–max) is wider than the distance to the target: one run cannot settle it. */
  settled?: boolean;
  /** Said when one run cannot settle it, or how it was taken. */
  note?: string;
}

export interface Limit {
  op: '≤' | '<' | '=';
  value: number;
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

export class Report {
  readonly rows: Row[] = [];

  /** A judged or reported figure; with samples, the value is their median and min–max is kept. */
  add(figure: string, value: number | Spread, unit: string, limit?: Limit, note?: string): Row {
    const s = typeof value === 'number' ? undefined : value;
    const v = s ? s.median : (value as number);
    const row: Row = {
      figure,
      value: round(v),
      unit,
      target: limit ? `${limit.op} ${limit.value}` : null,
      met: limit ? { '≤': v <= limit.value, '<': v < limit.value, '=': v === limit.value }[limit.op] : null,
    };
    if (s && s.samples.length > 1) {
      row.samples = s.samples.map(round);
      row.min = round(s.min);
      row.max = round(s.max);
      // A spread wider than the distance to the target: the next run may land on the other side.
      // Every sample on the same side of the target settles it too: no run of these samples lands elsewhere.
      if (limit) {
        const oneSide = s.min > limit.value || s.max < limit.value;
        row.settled = s.max - s.min <= Math.abs(v - limit.value) || oneSide;
      }
      if (row.settled === false) {
        row.note = 'spread (min–max) wider than the distance to the target: one run cannot settle it';
      }
    }
    if (note) row.note = row.note ? `${row.note}; ${note}` : note;
    this.rows.push(row);
    return row;
  }

  print(): string {
    const cells = this.rows.map((r) => [
      r.figure,
      `${r.value} ${r.unit}`.trim(),
      r.min !== undefined ? `${r.min}–${r.max} (n=${r.samples?.length})` : '',
      r.target ?? '—',
      // "?": met or not by the median, but its spread reaches across the target.
      r.met === null ? '' : `${r.met ? '✓' : '✗'}${r.settled === false ? '?' : ''}`,
      r.note ?? '',
    ]);
    const head = ['figure', 'value (median)', 'min–max', 'target', 'met', 'note'];
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: string[]) => c.map((x, i) => (i === 1 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ');
    return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
  }

  write(file: string, extra: Record<string, unknown>): void {
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), ...extra, rows: this.rows }, null, 2)}\n`);
  }
}
