import fs from 'node:fs';
import os from 'node:os';

/**
 * Who a process is. A PID alone is reused: after a reboot, by any later process, and in a container
 * where node is PID 1 at every start. On Linux the boot id, the PID namespace and the start time
 * (in clock ticks since boot) make it unique; elsewhere they are undefined and only the PID is known.
 */
export interface ProcessIdentity {
  host: string;
  boot: string | undefined;
  pidns: string | undefined;
  pid: number;
  start: number | undefined;
}

function readOrUndefined(read: () => string): string | undefined {
  try {
    return read().trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The start time of a running process in clock ticks since boot (field 22 of /proc/<pid>/stat),
 * 'gone' when no such process runs (a zombie is gone), or 'unknown' without /proc.
 */
export function processStart(pid: number): number | 'gone' | 'unknown' {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && fs.existsSync('/proc/self/stat')) return 'gone';
    return 'unknown';
  }
  // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return 'gone';
  const start = Number(fields[19]);
  return Number.isSafeInteger(start) ? start : 'unknown';
}

/** Without /proc: whether a PID is in use at all. */
export function pidInUse(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function currentProcess(): ProcessIdentity {
  const start = processStart(process.pid);
  return {
    host: os.hostname(),
    boot: readOrUndefined(() => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')),
    pidns: readOrUndefined(() => fs.readlinkSync('/proc/self/ns/pid')),
    pid: process.pid,
    start: typeof start === 'number' ? start : undefined,
  };
}
