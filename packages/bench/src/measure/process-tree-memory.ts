/**
 * Resident memory of a whole process tree, read from Linux's /proc: a build is a tree (pnpm or
 * turbo, node, esbuild, pagefind), and the memory a machine needs is the sum over all of them at
 * the same moment, which no single process's max RSS shows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // The process (or thread) ended between listing and reading: it holds no memory any more.
    return '';
  }
}

/** Ids of `rootPid` and all its live descendants, from each thread's `children` list. */
export function processTree(rootPid: number): number[] {
  const tree: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    tree.push(pid);
    let threads: string[];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const thread of threads) {
      for (const child of readOrEmpty(`/proc/${pid}/task/${thread}/children`).split(' ')) {
        if (child.trim() !== '') pending.push(Number(child));
      }
    }
  }
  return tree;
}

/** VmRSS of one process in bytes; 0 once it has exited. */
export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readOrEmpty(`/proc/${pid}/status`));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Sum of VmRSS over a process and all its descendants, in bytes. */
export function treeResidentBytes(rootPid: number): number {
  return processTree(rootPid).reduce((total, pid) => total + residentBytes(pid), 0);
}

/** Whether this kernel exposes what the sampler needs (Linux with CONFIG_PROC_CHILDREN). */
export function canSampleProcessTrees(): boolean {
  return existsSync(`/proc/${process.pid}/task/${process.pid}/children`);
}
