/**
 * Scenario 4: what an editor waits for after changing one digest, and what CI waits for when
 * nothing changed, both against a full build of the same corpus.
 */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { fullSiteBuild, prepareCorpus, siteOutDir, type BenchContext } from '../bench-context.ts';
import { summarise, type Summary } from '../measure/summary.ts';
import { buildFactDigestSite } from '../site/fact-digest-site.ts';
import { buildSiteWithTurbo, withSiteDistSetAside } from '../site/turbo-site-build.ts';

export interface IncrementalResult {
  digests: number;
  fullMs: Summary;
  /** Astro build (then Pagefind) right after a full build, with one digest edited. */
  oneEditedMs: Summary;
  /** One edited over full, per run. */
  oneEditedRatio: Summary;
  /**
   * `turbo run build --filter=@fact-digest/site` when nothing changed since the last one. Turbo
   * writes apps/site/dist itself, so this part ends by building the committed content again.
   */
  turboUnchangedMs: Summary;
  turboUnchangedCacheHits: number;
  /** The first Turbo run for this content directory (nothing cached yet). */
  turboFirstRunMs: number;
  /**
   * Whether Turbo rebuilt after a digest in CONTENT_DIR was edited. False means it replayed a
   * stale build: the content directory's fingerprint (apps/site/scripts/content-fingerprint.ts)
   * did not reach the task's hash.
   */
  turboRebuiltAfterEdit: boolean;
}

/** Appends a sentence to a digest's closing paragraph: a real, valid content change. */
export async function editDigest(
  contentDir: string,
  digestId: string,
  revision: number,
): Promise<void> {
  await appendFile(
    path.join(contentDir, 'digests', `${digestId}.md`),
    `\nRevised in benchmark edit number ${revision}, after a reader wrote in.\n`,
  );
}

export async function runIncremental(
  context: BenchContext,
  digests: number,
): Promise<IncrementalResult> {
  const corpus = await prepareCorpus(context, digests);
  let revision = 0;

  // Turbo writes apps/site/dist, and replaying a cached build only adds files to it: set the
  // developer's dist aside for these runs and put it back exactly as it was afterwards.
  const { turboFirst, turboUnchanged, turboAfterEdit } = await withSiteDistSetAside(async () => {
    const first = await buildSiteWithTurbo(corpus.dir);
    const unchanged = [];
    for (let run = 0; run < context.runs; run++) {
      unchanged.push(await buildSiteWithTurbo(corpus.dir));
      context.log(
        `incremental ${digests}: turbo, nothing changed, run ${run + 1}/${context.runs} ${unchanged.at(-1)?.wallMs.toFixed(0)} ms`,
      );
    }
    await editDigest(corpus.dir, corpus.digestIds[0] as string, ++revision);
    const afterEdit = await buildSiteWithTurbo(corpus.dir);
    return { turboFirst: first, turboUnchanged: unchanged, turboAfterEdit: afterEdit };
  });

  const outDir = siteOutDir(context, digests);
  const full: number[] = [];
  const oneEdited: number[] = [];
  for (let run = 0; run < context.runs; run++) {
    const fullBuild = await fullSiteBuild(context, digests, corpus.dir);
    full.push(fullBuild.wallMs);
    // A different digest each run, spread over the corpus.
    const digestId = corpus.digestIds[
      Math.floor((run * corpus.digestIds.length) / context.runs)
    ] as string;
    await editDigest(corpus.dir, digestId, ++revision);
    oneEdited.push(
      (
        await buildFactDigestSite({
          siteDir: context.siteDir,
          contentDir: corpus.dir,
          outDir,
          full: false,
        })
      ).wallMs,
    );
    context.log(
      `incremental ${digests}: run ${run + 1}/${context.runs} full ${full.at(-1)?.toFixed(0)} ms, one edited ${oneEdited.at(-1)?.toFixed(0)} ms`,
    );
  }
  return {
    digests,
    fullMs: summarise(full),
    oneEditedMs: summarise(oneEdited),
    oneEditedRatio: summarise(oneEdited.map((ms, run) => ms / (full[run] as number))),
    turboUnchangedMs: summarise(turboUnchanged.map((run) => run.wallMs)),
    turboUnchangedCacheHits: turboUnchanged.filter((run) => run.cacheHit).length,
    turboFirstRunMs: turboFirst.wallMs,
    turboRebuiltAfterEdit: !turboAfterEdit.cacheHit,
  };
}
