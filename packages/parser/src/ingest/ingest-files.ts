/**
 * The whole ingest run over input files: read each (feed or plain text), analyse every article,
 * plan the files against the content directory, and write them, unless `dryRun`. Inputs are all
 * read and analysed before anything is written, so one broken input writes nothing at all.
 */
import { readFile } from 'node:fs/promises';
import { analyseArticle } from './analyse-article.ts';
import { readContentDirectory } from './content-directory.ts';
import { detectInputKind } from './detect-input.ts';
import { IngestError } from './ingest-error.ts';
import type { ReceivedArticle } from './ingest-result.ts';
import type { IngestPlan } from './plan-ingest.ts';
import { planIngest } from './plan-ingest.ts';
import { readFeed } from './read-feed.ts';
import { readTextArticle } from './read-text-article.ts';
import { writePlannedFiles } from './write-files.ts';

export interface IngestOptions {
  /** The content directory (holding digests/, entities/, sources/). */
  contentDir: string;
  /** Plan and report, write nothing. */
  dryRun: boolean;
  /** Today, `YYYY-MM-DD`. */
  today: string;
  publisher?: string;
  /** Publication date override, `YYYY-MM-DD`. */
  published?: string;
  url?: string;
  /** How to name an input file in messages (a path relative to the editor's directory). */
  displayPath: (file: string) => string;
}

export interface IngestReport {
  plans: IngestPlan[];
  /** Inputs that could not be read, each `file:line:col: message`. Nothing is written when any. */
  errors: IngestError[];
  /** Entity files that could not be used. */
  registryProblems: string[];
  /** Absolute paths written (empty on a dry run). */
  written: string[];
}

/** The articles in one input file: every item of a feed, or the one plain-text article. */
export function readArticles(content: string, origin: string): ReceivedArticle[] {
  return detectInputKind(content) === 'feed'
    ? readFeed(content, origin)
    : [readTextArticle(content, origin)];
}

export async function ingestFiles(
  files: readonly string[],
  options: IngestOptions,
): Promise<IngestReport> {
  const state = await readContentDirectory(options.contentDir);
  const report: IngestReport = {
    plans: [],
    errors: [],
    registryProblems: state.problems,
    written: [],
  };
  const overrides = {
    ...(options.publisher === undefined ? {} : { publisher: options.publisher }),
    ...(options.published === undefined ? {} : { published: options.published }),
    ...(options.url === undefined ? {} : { url: options.url }),
  };

  for (const file of files) {
    const origin = options.displayPath(file);
    try {
      const content = await readFile(file, 'utf8');
      for (const article of readArticles(content, origin)) {
        const result = analyseArticle(article, {
          registry: state.registry,
          received: options.today,
          ...overrides,
        });
        report.plans.push(
          planIngest(result, state.existing, { registry: state.registry, today: options.today }),
        );
      }
    } catch (error) {
      if (error instanceof IngestError) report.errors.push(error);
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        report.errors.push(new IngestError(origin, 'no such file'));
      } else throw error;
    }
  }
  if (report.errors.length > 0 || options.dryRun) return report;

  const planned = report.plans.flatMap((plan) => (plan.kind === 'new' ? plan.files : []));
  report.written = await writePlannedFiles(options.contentDir, planned);
  return report;
}
