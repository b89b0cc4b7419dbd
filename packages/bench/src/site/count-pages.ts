import { readdir } from 'node:fs/promises';

/** Number of HTML pages a build wrote: the unit of "pages per second". */
export async function countPages(outDir: string): Promise<number> {
  const entries = await readdir(outDir, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.html')).length;
}
