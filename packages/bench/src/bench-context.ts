/**
 * What every scenario of one benchmark session shares: the scratch folder, the run count, the
 * corpora generated so far (one per size, generated once) and our full builds measured so far
 * (the scaling scenario reuses the build scenario's runs at the sizes they share).
 */
import path from 'node:path';
import {
  generateCorpus,
  writeCorpus,
  type CorpusFile,
  type CorpusStats,
} from './corpus/generate-corpus.ts';
import { buildFactDigestSite, type SiteBuildMeasurement } from './site/fact-digest-site.ts';

export interface PreparedCorpus {
  dir: string;
  files: CorpusFile[];
  digestIds: string[];
  stats: CorpusStats;
}

export interface BenchContext {
  /** Scratch folder for corpora, baseline sites and build output. */
  workDir: string;
  /** The private copy of apps/site that full and incremental builds use. */
  siteDir: string;
  runs: number;
  seed: number;
  log: (message: string) => void;
  corpora: Map<number, PreparedCorpus>;
  fullBuilds: Map<number, SiteBuildMeasurement[]>;
}

export async function prepareCorpus(
  context: BenchContext,
  digests: number,
): Promise<PreparedCorpus> {
  const known = context.corpora.get(digests);
  if (known) return known;
  context.log(`generating a corpus of ${digests} digests`);
  const corpus = generateCorpus({ digests, seed: context.seed });
  const dir = path.join(context.workDir, `content-${digests}`);
  await writeCorpus(corpus, dir);
  const prepared = { dir, files: corpus.files, digestIds: corpus.digestIds, stats: corpus.stats };
  context.corpora.set(digests, prepared);
  return prepared;
}

/** Where our site's builds of the `digests`-digest corpus go (rebuilds reuse its cache there). */
export function siteOutDir(context: BenchContext, digests: number): string {
  return path.join(context.workDir, `site-dist-${digests}`);
}

/**
 * A full build of our site over the corpus of `digests` digests (in `contentDir`), recorded so
 * that later scenarios at the same size reuse it instead of building again.
 */
export async function fullSiteBuild(
  context: BenchContext,
  digests: number,
  contentDir: string,
): Promise<SiteBuildMeasurement> {
  const measurement = await buildFactDigestSite({
    siteDir: context.siteDir,
    contentDir,
    outDir: siteOutDir(context, digests),
    full: true,
  });
  const list = context.fullBuilds.get(digests) ?? [];
  list.push(measurement);
  context.fullBuilds.set(digests, list);
  return measurement;
}
