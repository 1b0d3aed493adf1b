// The extension host's CPU use, read from /proc: how the cancel test tells a running worker thread from a stopped one
// (worker_threads live inside the extension host process, so its CPU time is the worker's plus the host's).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

function children(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** The extension host process started by the code-server process `rootPid` (searched among its descendants). */
export function extensionHostPid(rootPid) {
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (/extensionHost/.test(cmd)) return pid;
    queue.push(...children(pid));
  }
  throw new Error(`no extension host process under ${rootPid}`);
}

function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** CPU seconds the extension host used during the next `ms` milliseconds. */
export async function extensionHostCpuSeconds(rootPid, ms) {
  const pid = extensionHostPid(rootPid);
  const a = cpuTicks(pid);
  await new Promise((r) => setTimeout(r, ms));
  return (cpuTicks(pid) - a) / TICKS;
}
