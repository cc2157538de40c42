import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** The extension host: the code-server descendant started with --type=extensionHost. */
export function extensionHostPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = (() => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })();
    if (cmdline.includes('.cache/code-server') && cmdline.includes('--type=extensionHost')) return Number(entry);
  }
  return undefined;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
