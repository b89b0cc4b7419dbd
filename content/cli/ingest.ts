/**
 * `pnpm ingest <file>... [--content DIR] [--dry-run] [--publisher NAME] [--date YYYY-MM-DD] [--url URL]`:
 * archives each article of an RSS/Atom feed or a plain-text file under sources/ and writes one
 * draft digest per event it reports under digests/. Never overwrites a file; an article already
 * archived (same content hash) writes nothing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { calendarDate, webUrl } from '@fact-digest/parser';
import { ingestFiles, type PlannedFile } from '@fact-digest/parser/ingest';
import { contentDir as defaultContentDir } from '../index.ts';
import { displayPath, type CommandIO } from './command-io.ts';
import { todayUtc } from './new-digest.ts';

const usage =
  'Usage: pnpm ingest <feed.xml|article.txt>... [--content DIR] [--dry-run] [--publisher NAME] [--date YYYY-MM-DD] [--url URL]';

function describeFile(file: PlannedFile): string {
  if (!file.claims) return 'archived source';
  const { blocks, inNotes } = file.claims;
  const plural = (count: number) => (count === 1 ? 'claim' : 'claims');
  const notes =
    inNotes === 0
      ? ''
      : `, ${inNotes} candidate ${plural(inNotes)} in its notes: no registry entity can be the claimant`;
  return `draft, ${blocks} ${plural(blocks)}${notes}`;
}

export async function runIngest(argv: string[], io: CommandIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        publisher: { type: 'string' },
        date: { type: 'string' },
        url: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    io.stderr(`Missing the file(s) to ingest.\n${usage}`);
    return 2;
  }
  if (values.date !== undefined && !calendarDate.safeParse(values.date).success) {
    io.stderr(`--date ${values.date} is not a real calendar date; write it as YYYY-MM-DD.`);
    return 2;
  }
  if (values.url !== undefined && !webUrl.safeParse(values.url).success) {
    io.stderr(`--url ${values.url} is not an absolute http(s) URL.`);
    return 2;
  }
  if (values.publisher !== undefined && values.publisher.trim() === '') {
    io.stderr('--publisher needs a name.');
    return 2;
  }

  const contentDir = path.resolve(io.cwd, values.content ?? defaultContentDir);
  const dryRun = values['dry-run'];
  const report = await ingestFiles(
    positionals.map((file) => path.resolve(io.cwd, file)),
    {
      contentDir,
      dryRun,
      today: todayUtc(),
      displayPath: (file) => displayPath(io, file),
      ...(values.publisher === undefined ? {} : { publisher: values.publisher.trim() }),
      ...(values.date === undefined ? {} : { published: values.date }),
      ...(values.url === undefined ? {} : { url: values.url }),
    },
  ).catch((error: unknown) => error as Error);
  if (report instanceof Error) {
    io.stderr(`Nothing written: ${report.message}`);
    return 1;
  }

  for (const problem of report.registryProblems) io.stderr(`warning: ${problem}`);
  if (report.errors.length > 0) {
    for (const error of report.errors) io.stderr(error.message);
    io.stderr('Nothing written: fix the input(s) above and run again.');
    return 1;
  }
  const inContent = (relative: string) => displayPath(io, path.join(contentDir, relative));
  for (const plan of report.plans) {
    if (plan.kind === 'already-ingested') {
      io.stdout(
        `${plan.result.origin}: already ingested as ${inContent(plan.existing)}; nothing written`,
      );
      continue;
    }
    const verb = dryRun ? 'would write' : 'wrote';
    io.stdout(
      `${plan.result.origin}: "${plan.result.title}" (${plan.result.publisher}, ${plan.result.publicationDate})`,
    );
    for (const file of plan.files) {
      io.stdout(`  ${verb} ${inContent(file.path)} (${describeFile(file)})`);
    }
    for (const warning of plan.result.warnings) io.stdout(`  note: ${warning}`);
  }
  return 0;
}
