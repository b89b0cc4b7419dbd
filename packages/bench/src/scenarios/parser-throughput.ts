/**
 * Scenario 1: our whole parse (frontmatter, claims, mentions, cross-references, linking, HTML)
 * against the least any unified pipeline does (parse Markdown, turn it into HTML, serialise),
 * over the same in-memory files, so disk reads count for neither.
 */
import { processContent, type ContentFile } from '@fact-digest/parser';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { prepareCorpus, type BenchContext } from '../bench-context.ts';
import { summarise, type Summary } from '../measure/summary.ts';

export interface ParserThroughputResult {
  digests: number;
  files: number;
  /** UTF-8 bytes of all files parsed per run. */
  bytes: number;
  ours: { ms: Summary; megabytesPerSecond: Summary };
  bare: { ms: Summary; megabytesPerSecond: Summary };
  /** Our time over the bare pipeline's, one ratio per run (each pair measured back to back). */
  ratio: Summary;
  /** Errors our parser reported for the corpus: a valid corpus has none. */
  errors: number;
}

function parseBare(files: readonly ContentFile[]): number {
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze();
  let htmlLength = 0;
  for (const file of files) htmlLength += String(processor.processSync(file.value)).length;
  return htmlLength;
}

function parseOurs(files: readonly ContentFile[]): number {
  return processContent(files).diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
    .length;
}

function timed(run: () => void): number {
  // Collect garbage left by the previous run, where Node was started with --expose-gc.
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  run();
  return performance.now() - started;
}

export async function runParserThroughput(
  context: BenchContext,
  digests: number,
): Promise<ParserThroughputResult> {
  const corpus = await prepareCorpus(context, digests);
  const files: ContentFile[] = corpus.files.map((file) => ({ path: file.path, value: file.text }));
  const bytes = corpus.stats.bytes;
  const megabytes = bytes / 1e6;

  // One untimed pass each, so neither side pays for module loading and JIT warm-up.
  parseBare(files);
  const errors = parseOurs(files);

  const ours: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < context.runs; run++) {
    // Alternate which goes first, so drift in machine load falls on both sides equally.
    const order = run % 2 === 0 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const);
    for (const side of order) {
      if (side === 'bare') bare.push(timed(() => parseBare(files)));
      else ours.push(timed(() => parseOurs(files)));
    }
    context.log(
      `parser ${digests}: run ${run + 1}/${context.runs} ours ${ours.at(-1)?.toFixed(0)} ms, bare ${bare.at(-1)?.toFixed(0)} ms`,
    );
  }
  return {
    digests,
    files: files.length,
    bytes,
    ours: {
      ms: summarise(ours),
      megabytesPerSecond: summarise(ours.map((ms) => megabytes / (ms / 1000))),
    },
    bare: {
      ms: summarise(bare),
      megabytesPerSecond: summarise(bare.map((ms) => megabytes / (ms / 1000))),
    },
    ratio: summarise(ours.map((ms, run) => ms / (bare[run] as number))),
    errors,
  };
}
