import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One `mark <name> <id> <epochMs>` line from an extension's log. */
export interface Mark {
  name: string;
  id: string;
  at: number;
}

/**
 * The log file of an extension's LogOutputChannel in a code-server user-data
 * folder: logs/<session>/exthost<N>/<extension id>/<channel>.log.
 */
export function extensionLog(userData: string, extensionId: string): string | undefined {
  const logs = join(userData, 'logs');
  if (!existsSync(logs)) return undefined;
  for (const session of readdirSync(logs).sort().reverse()) {
    for (const host of readdirSync(join(logs, session)).filter((d) => d.startsWith('exthost'))) {
      const dir = join(logs, session, host, extensionId);
      if (!existsSync(dir)) continue;
      const file = readdirSync(dir).find((f) => f.endsWith('.log'));
      if (file) return join(dir, file);
    }
  }
  return undefined;
}

export function readMarks(file: string | undefined): Mark[] {
  if (!file || !existsSync(file)) return [];
  const marks: Mark[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = / mark (\S+) (\S+) (\d+)$/.exec(line);
    if (m) marks.push({ name: m[1], id: m[2], at: Number(m[3]) });
  }
  return marks;
}

/** Polls the log until a mark of that name, at or after `since`, is written. */
export async function waitForMark(
  file: () => string | undefined,
  name: string,
  since: number,
  timeoutMs = 30_000,
): Promise<Mark> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const found = readMarks(file()).find((m) => m.name === name && m.at >= since);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no "${name}" mark after ${new Date(since).toISOString()} within ${timeoutMs} ms`);
}

/**
 * Milliseconds from `t0` to each phase of one run: the first mark of each name
 * at or after t0 and no later than `end`; "renderPosted" is the first one that
 * carries the answer (at or after qrAnswered or swapRequested, when there is one).
 */
export function phasesSince(marks: Mark[], t0: number, end: number): Record<string, number> {
  const window = marks.filter((m) => m.at >= t0 && m.at <= end);
  const first = (name: string, after = t0) => window.find((m) => m.name === name && m.at >= after)?.at;
  const phases: Record<string, number> = {};
  for (const m of window) if (phases[m.name] === undefined) phases[m.name] = m.at - t0;
  const answered = first('qrAnswered') ?? first('swapRequested');
  const posted = first('renderPosted', answered ?? t0);
  if (posted !== undefined) phases.renderPosted = posted - t0;
  else delete phases.renderPosted;
  return phases;
}
