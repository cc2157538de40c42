import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function procs(): Array<{ pid: number; ppid: number; cmdline: string }> {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => ({
      pid: Number(entry),
      // The command may hold spaces and parentheses; the fields after the last ')' do not.
      ppid: Number(read(`/proc/${entry}/stat`).split(') ').pop()?.split(' ')[1]),
      cmdline: read(`/proc/${entry}/cmdline`).replace(/\0/g, ' '),
    }));
}

/**
 * The extension host of the code-server that uses `userDataDir`: other
 * developers' test runs on the same machine have extension hosts too.
 */
export function extensionHostPid(userDataDir: string): number | undefined {
  const all = procs();
  const server = all.find((p) => p.cmdline.includes('code-server') && p.cmdline.includes(userDataDir));
  if (!server) return undefined;
  const mine = new Set([server.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  return all.find((p) => mine.has(p.pid) && p.cmdline.includes('--type=extensionHost'))?.pid;
}

/** How many code-server processes run that are not the bench's: their load is noise in its timings. */
export function otherCodeServers(ownUserDataDirs: string[]): number {
  return procs().filter(
    (p) => p.cmdline.includes('code-server/out/node/entry.js') && !ownUserDataDirs.some((d) => p.cmdline.includes(d)),
  ).length;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function spread(samples: number[]): Spread {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}
