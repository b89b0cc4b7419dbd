/**
 * `pnpm new "Title" [--date YYYY-MM-DD] [--content DIR]`: writes a draft digest from a template.
 * The file is opened with the `wx` flag, so an existing file is never overwritten, even if
 * another process creates it between our existence check and the write.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import slugify from '@sindresorhus/slugify';
import { stringify as stringifyYaml } from 'yaml';
import { calendarDate } from '@fact-digest/parser';
import { contentDir as defaultContentDir } from '../index.ts';
import { displayPath, type CommandIO } from './command-io.ts';

const usage = 'Usage: pnpm new "Title of the digest" [--date YYYY-MM-DD] [--content DIR]';

export interface NewDigestOptions {
  title: string;
  /** Date of the events the digest covers, `YYYY-MM-DD`. */
  eventDate: string;
  /** Today, `YYYY-MM-DD`: the draft's provisional publication date. */
  today: string;
}

/** The template every new digest starts from: valid as a draft, with every field to fill in. */
export function renderDigestTemplate({ title, eventDate, today }: NewDigestOptions): string {
  const frontmatter = {
    title,
    eventDate,
    published: today,
    conclusion: 'One sentence, in our words: what a reader should take away.',
    status: 'draft',
    sources: [
      {
        id: 'source-1',
        title: 'Title of the source',
        publisher: 'Publisher of the source',
        published: eventDate,
      },
    ],
    tags: [],
    corrections: [],
    notes: [
      'Replace every placeholder, and archive the source under sources/ (pnpm ingest does this for you).',
      'Add one :::claim block per checkable claim; content/README.md shows how.',
      'Set status: published when the digest is ready to go out.',
    ],
  };
  return `---\n${stringifyYaml(frontmatter, { lineWidth: 0 })}---\n\nWhat happened, in our own words: the context a reader needs before the claims.\n`;
}

/** Today's date in UTC, the zone the rest of the content uses for dates without times. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export async function runNewDigest(argv: string[], io: CommandIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { date: { type: 'string' }, content: { type: 'string' } },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const title = parsed.positionals.join(' ').trim();
  if (title === '') {
    io.stderr(`Missing the digest's title.\n${usage}`);
    return 2;
  }
  const today = todayUtc();
  const eventDate = parsed.values.date ?? today;
  if (!calendarDate.safeParse(eventDate).success) {
    io.stderr(`--date ${eventDate} is not a real calendar date; write it as YYYY-MM-DD.`);
    return 2;
  }
  const slug = slugify(title);
  if (slug === '') {
    io.stderr(`The title "${title}" has no letters or digits to build an id from.`);
    return 2;
  }

  const contentDir = path.resolve(io.cwd, parsed.values.content ?? defaultContentDir);
  const digestsDir = path.join(contentDir, 'digests');
  await mkdir(digestsDir, { recursive: true });
  const taken = new Set((await readdir(digestsDir)).map((name) => name.replace(/\.md$/, '')));
  const text = renderDigestTemplate({ title, eventDate, today });

  const baseId = `${eventDate}-${slug}`;
  for (let attempt = 1; ; attempt += 1) {
    const id = attempt === 1 ? baseId : `${baseId}-${attempt}`;
    if (taken.has(id)) continue;
    const file = path.join(digestsDir, `${id}.md`);
    try {
      await writeFile(file, text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    io.stdout(displayPath(io, file));
    return 0;
  }
}
