/**
 * The benchmark corpus: N digests in the real content format, with the entity registry and the
 * archived sources they quote, generated deterministically from a seed. Every claim quotes its
 * archived source verbatim, every hash is the real SHA-256 of the archived text, and every link
 * resolves, so the corpus passes the parser with zero diagnostics and builds as a site.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { verdictIds, type VerdictId } from '@fact-digest/parser';
import { generateEntityRegistry, type GeneratedEntity } from './entity-registry.ts';
import {
  assessmentSentence,
  claimSentence,
  countWords,
  headlinePhrase,
  idWords,
  mentionSentence,
  reportSentence,
} from './prose.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

export interface Options {
  /** Number of digests. At least 8, so every verdict and a draft can appear. */
  digests: number;
  /** PRNG seed; the same seed and sizes give byte-identical files. */
  seed?: number;
  /** Size of the entity registry; by default 30% of the digest count, between 30 and 300. */
  entities?: number;
}

export const defaultOptions = { seed: 20250614 } as const;

/** One file of the content directory, path relative to it with `/` separators. */
export interface CorpusFile {
  path: string;
  text: string;
}

export interface CorpusStats {
  digests: number;
  draftDigests: number;
  entities: number;
  sources: number;
  claims: number;
  claimsByVerdict: Record<VerdictId, number>;
  crossReferences: number;
  /** Prose words per digest body (claims included), min and max over the corpus. */
  wordsPerDigest: { min: number; max: number };
  /** Total UTF-8 size of every file. */
  bytes: number;
}

export interface Corpus {
  files: CorpusFile[];
  digestIds: string[];
  stats: CorpusStats;
}

interface PlannedSource {
  id: string;
  title: string;
  publisher: string;
  url?: string;
  published: string;
  quotes: string[];
}

interface PlannedClaim {
  id: string;
  claimant: string;
  source: PlannedSource;
  date: string;
  verdict: VerdictId;
  quote: string;
  about: string[];
}

interface PlannedDigest {
  id: string;
  eventDate: string;
  published: string;
  status: 'draft' | 'published';
  sources: PlannedSource[];
  claims: PlannedClaim[];
}

const publishers = [
  'The Morning Ledger',
  'Northern Wire',
  'Riverside Courier',
  'The Frontier Post',
  'Eastern Dispatch',
  'Open Channel News',
  'The Harbour Gazette',
  'Civic Radio',
] as const;

const firstDay = Date.UTC(2022, 0, 3);
const dayMs = 86_400_000;

function isoDay(offset: number): string {
  return new Date(firstDay + offset * dayMs).toISOString().slice(0, 10);
}

function dayOffset(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - firstDay) / dayMs);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A YAML scalar: JSON strings are valid YAML flow scalars and need no escaping rules of our own. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

function uniqueId(base: string, used: Set<string>): string {
  let candidate = base;
  for (let suffix = 2; used.has(candidate); suffix++) candidate = `${base}-${suffix}`;
  used.add(candidate);
  return candidate;
}

export function contentHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

function planDigests(
  random: SeededRandom,
  count: number,
  claimants: readonly GeneratedEntity[],
  entityIds: readonly string[],
): PlannedDigest[] {
  const digestIds = new Set<string>();
  const sourceIds = new Set<string>();
  // Roughly four digests a day, as a busy desk would publish.
  const spanDays = Math.max(30, Math.ceil(count / 4));
  const reviewedVerdicts = verdictIds.filter((verdict) => verdict !== 'pending');
  let reviewedClaims = 0;
  const digests: PlannedDigest[] = [];

  for (let index = 0; index < count; index++) {
    const eventOffset = Math.floor((index * spanDays) / count);
    const eventDate = isoDay(eventOffset);
    // A few drafts, spread out; drafts may hold pending claims without a warning.
    const status = index % 37 === 5 ? 'draft' : 'published';
    const id = uniqueId(`${eventDate}-${random.sample(idWords, 2).join('-')}`, digestIds);

    const sources: PlannedSource[] = [];
    for (let sourceIndex = random.int(1, 3); sourceIndex > 0; sourceIndex--) {
      const publisher = random.pick(publishers);
      const published = isoDay(eventOffset + random.int(0, 2));
      const sourceId = uniqueId(`${slug(publisher)}-${published}`, sourceIds);
      sources.push({
        id: sourceId,
        title: headlinePhrase(random),
        publisher,
        ...(random.chance(0.8)
          ? { url: `https://news.example/${slug(publisher)}/${sourceId}` }
          : {}),
        published,
        quotes: [],
      });
    }

    const claimIds = new Set<string>();
    const claims: PlannedClaim[] = [];
    for (let claimIndex = 0, claimCount = random.int(2, 5); claimIndex < claimCount; claimIndex++) {
      const source = random.pick(sources);
      const quote = claimSentence(random);
      source.quotes.push(quote);
      let verdict: VerdictId;
      if (status === 'draft' && claimIndex === 0) verdict = 'pending';
      else if (status === 'draft') verdict = random.pick(verdictIds);
      // The first reviewed claims walk the scale so even a tiny corpus has every verdict.
      else if (reviewedClaims < reviewedVerdicts.length)
        verdict = reviewedVerdicts[reviewedClaims] as VerdictId;
      else verdict = random.pick(reviewedVerdicts);
      if (status === 'published') reviewedClaims++;
      claims.push({
        id: uniqueId(random.sample(idWords, 2).join('-'), claimIds),
        claimant: random.pick(claimants).id,
        source,
        date: source.published,
        verdict,
        quote,
        about: random.chance(0.3) ? random.sample(entityIds, random.int(1, 2)) : [],
      });
    }

    const latestSource = Math.max(...sources.map((source) => dayOffset(source.published)));
    const publishedDay = isoDay(latestSource + random.int(0, 3));
    const published = random.chance(0.3)
      ? `${publishedDay}T${String(random.int(6, 21)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`
      : publishedDay;
    digests.push({ id, eventDate, published, status, sources, claims });
  }
  return digests;
}

function renderEntity(entity: GeneratedEntity, random: SeededRandom): string {
  const lines = [
    '---',
    `name: ${yamlString(entity.name)}`,
    `kind: ${entity.kind}`,
    `aliases: [${entity.aliases.map(yamlString).join(', ')}]`,
    `description: ${yamlString(entity.description)}`,
  ];
  if (entity.wikidata !== undefined) lines.push(`wikidata: ${entity.wikidata}`);
  lines.push('---');
  const body = random.chance(0.4) ? `\n${reportSentence(random)} ${reportSentence(random)}\n` : '';
  return `${lines.join('\n')}\n${body}`;
}

/** The archived text: report prose with each quoted claim as a sentence of its own. */
function sourceBody(source: PlannedSource, random: SeededRandom): string {
  const sentences: string[] = [];
  for (let count = random.int(8, 18); count > 0; count--) sentences.push(reportSentence(random));
  for (const quote of source.quotes) sentences.splice(random.int(0, sentences.length), 0, quote);
  const paragraphs: string[] = [];
  while (sentences.length > 0) paragraphs.push(sentences.splice(0, random.int(2, 4)).join(' '));
  // No trailing newline: the archived text ends where the source's text ended.
  return paragraphs.join('\n');
}

function renderSource(source: PlannedSource, random: SeededRandom): string {
  const body = sourceBody(source, random);
  const lines = [
    '---',
    `title: ${yamlString(source.title)}`,
    `publisher: ${yamlString(source.publisher)}`,
    ...(source.url === undefined ? [] : [`url: ${yamlString(source.url)}`]),
    'feed:',
    `  title: ${yamlString(`${source.publisher} - Latest news`)}`,
    `published: ${source.published}`,
    `received: ${source.published}`,
    `contentHash: ${contentHash(body)}`,
    '---',
  ];
  return `${lines.join('\n')}\n${body}`;
}

interface DigestRendering {
  text: string;
  words: number;
  crossReferences: number;
}

function renderDigest(
  digest: PlannedDigest,
  random: SeededRandom,
  linkable: readonly PlannedDigest[],
  entities: readonly GeneratedEntity[],
  tags: readonly string[],
): DigestRendering {
  const crossReferenceLinks: string[] = [];
  const targets = random.sample(
    linkable.filter((candidate) => candidate.id !== digest.id),
    random.int(2, 6),
  );
  for (const target of targets) {
    const claim = random.chance(0.5) ? random.pick(target.claims) : undefined;
    crossReferenceLinks.push(
      claim === undefined
        ? `This follows [the ${target.eventDate} digest](./${target.id}.md).`
        : `Compare [the claim checked on ${target.eventDate}](./${target.id}.md#${claim.id}).`,
    );
  }

  const entityLinks = random
    .sample(entities, random.int(1, 4))
    .map((entity) => `[${entity.name}](../entities/${entity.id}.md)`);
  const aliasMentions = random
    .sample(entities, random.int(2, 6))
    .map((entity) => random.pick([entity.name, ...entity.aliases]));

  const claimBlocks = digest.claims.map((claim) => {
    const about = claim.about.length === 0 ? '' : ` about="${claim.about.join(' ')}"`;
    const assessment: string[] = [];
    for (let count = random.int(3, 6); count > 0; count--)
      assessment.push(assessmentSentence(random));
    // About half the cross-references sit inside claim assessments, as editors write them.
    if (crossReferenceLinks.length > 0 && random.chance(0.5))
      assessment.push(crossReferenceLinks.pop() as string);
    return [
      `:::claim{#${claim.id} claimant=${claim.claimant} source=${claim.source.id} date=${claim.date} verdict=${claim.verdict}${about}}`,
      `> ${claim.quote}`,
      '',
      assessment.join(' '),
      ':::',
    ].join('\n');
  });

  const targetWords = random.int(400, 800);
  let words = claimBlocks.reduce((total, block) => total + countWords(block), 0);
  const introSentences: string[] = [
    ...entityLinks.map((link) => mentionSentence(random, link)),
    ...aliasMentions.map((name) => mentionSentence(random, name)),
    ...crossReferenceLinks,
  ];
  words += introSentences.reduce((total, sentence) => total + countWords(sentence), 0);
  while (words < targetWords) {
    const sentence = reportSentence(random);
    introSentences.splice(random.int(0, introSentences.length), 0, sentence);
    words += countWords(sentence);
  }
  const paragraphs: string[] = [];
  while (introSentences.length > 0)
    paragraphs.push(introSentences.splice(0, random.int(3, 6)).join(' '));
  // Claims go after the first paragraphs, with the rest of the prose closing the digest.
  const leading = paragraphs.splice(0, Math.max(1, Math.ceil(paragraphs.length * 0.6)));
  if (random.chance(0.3)) {
    const source = random.pick(digest.sources);
    paragraphs.push(`The full text is in [the archived copy](../sources/${source.id}.md).`);
  }
  const body = [...leading, ...claimBlocks, ...paragraphs].join('\n\n');

  const lines = [
    '---',
    `title: ${yamlString(`${headlinePhrase(random)}: what the claims say`)}`,
    `eventDate: ${digest.eventDate}`,
    `published: ${digest.published}`,
  ];
  const corrected = digest.status === 'published' && random.chance(0.05);
  const correctionDay = isoDay(dayOffset(digest.published.slice(0, 10)) + random.int(1, 20));
  if (corrected) lines.push(`updated: ${correctionDay}`);
  lines.push(
    `conclusion: ${yamlString(assessmentSentence(random))}`,
    `status: ${digest.status}`,
    'sources:',
  );
  for (const source of digest.sources) {
    lines.push(
      `  - id: ${source.id}`,
      `    title: ${yamlString(source.title)}`,
      `    publisher: ${yamlString(source.publisher)}`,
    );
    if (source.url !== undefined) lines.push(`    url: ${yamlString(source.url)}`);
    lines.push(`    published: ${source.published}`, `    archived: ../sources/${source.id}.md`);
  }
  const digestTags = random.sample(tags, random.int(0, 3));
  if (digestTags.length > 0) lines.push(`tags: [${digestTags.join(', ')}]`);
  if (corrected) {
    lines.push(
      'corrections:',
      `  - date: ${correctionDay}`,
      `    note: ${yamlString(`Corrected ${random.pick(['the count', 'a date', 'the claimant', 'a place name'])} after a reader pointed out an error.`)}`,
    );
  }
  if (random.chance(0.05))
    lines.push('notes:', `  - ${yamlString('Check whether a second source has appeared.')}`);
  lines.push('---');

  return {
    text: `${lines.join('\n')}\n\n${body}\n`,
    words: countWords(body.replace(/\]\([^)]*\)/g, ']').replace(/^:::.*$/gm, '')),
    crossReferences: targets.length,
  };
}

export function generateCorpus(options: Options): Corpus {
  const { digests: digestCount, seed, entities: entityOption } = { ...defaultOptions, ...options };
  if (!Number.isInteger(digestCount) || digestCount < 8) {
    throw new Error(
      `A corpus needs at least 8 digests (got ${digestCount}) so every verdict and a draft appear.`,
    );
  }
  const random = createSeededRandom(seed);
  const entityCount = entityOption ?? Math.min(300, Math.max(30, Math.round(digestCount * 0.3)));
  const entities = generateEntityRegistry(random, entityCount);
  const claimants = entities.filter(
    (entity) => entity.kind === 'person' || entity.kind === 'organization',
  );
  const tags = [...new Set(Array.from({ length: 40 }, () => random.sample(idWords, 2).join('-')))];

  const digests = planDigests(
    random,
    digestCount,
    claimants,
    entities.map((entity) => entity.id),
  );
  // A published digest may only link to published ones (drafts are not on the site).
  const publishedDigests = digests.filter((digest) => digest.status === 'published');

  const files: CorpusFile[] = [];
  const claimsByVerdict = Object.fromEntries(verdictIds.map((verdict) => [verdict, 0])) as Record<
    VerdictId,
    number
  >;
  let crossReferences = 0;
  let minWords = Infinity;
  let maxWords = 0;
  for (const digest of digests) {
    const rendering = renderDigest(
      digest,
      random,
      digest.status === 'published' ? publishedDigests : digests,
      entities,
      tags,
    );
    files.push({ path: `digests/${digest.id}.md`, text: rendering.text });
    crossReferences += rendering.crossReferences;
    minWords = Math.min(minWords, rendering.words);
    maxWords = Math.max(maxWords, rendering.words);
    for (const claim of digest.claims) claimsByVerdict[claim.verdict]++;
  }
  for (const entity of entities)
    files.push({ path: `entities/${entity.id}.md`, text: renderEntity(entity, random) });
  const sources = digests.flatMap((digest) => digest.sources);
  for (const source of sources)
    files.push({ path: `sources/${source.id}.md`, text: renderSource(source, random) });

  return {
    files,
    digestIds: digests.map((digest) => digest.id),
    stats: {
      digests: digests.length,
      draftDigests: digests.length - publishedDigests.length,
      entities: entities.length,
      sources: sources.length,
      claims: digests.reduce((total, digest) => total + digest.claims.length, 0),
      claimsByVerdict,
      crossReferences,
      wordsPerDigest: { min: minWords, max: maxWords },
      bytes: files.reduce((total, file) => total + Buffer.byteLength(file.text), 0),
    },
  };
}

/** Writes the corpus as a complete content directory (digests/, entities/, sources/), replacing `dir`. */
export async function writeCorpus(corpus: Corpus, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['digests', 'entities', 'sources'])
    await mkdir(path.join(dir, folder), { recursive: true });
  for (const file of corpus.files) await writeFile(path.join(dir, file.path), file.text);
}
