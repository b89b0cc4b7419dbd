/**
 * One draft digest for one event of an article: frontmatter that passes the schema as a draft,
 * a body that links the archived source, the registry entities named and the article's other
 * events, and one pending `:::claim` block per candidate claim of the event.
 */
import { stringify } from 'yaml';
import type { DigestFrontmatter, SourceReference } from '../format/schema.ts';
import { webUrl } from '../format/schema.ts';
import type { EntityRegistry } from './entity-registry.ts';
import { matchRegistryEntities } from './entity-registry.ts';
import { proposedEntityFor } from './find-entities.ts';
import type {
  ArticleEvent,
  CandidateClaim,
  ClaimNumber,
  DateMention,
  IngestResult,
} from './ingest-result.ts';
import { escapeMarkdownText } from './markdown-text.ts';

export interface DraftIds {
  sourceId: string;
  /** Draft id per event date. */
  draftIds: ReadonlyMap<string, string>;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2025-06-12" → "12 June 2025". */
export function formatDay(date: string): string {
  return dayFormat.format(new Date(`${date}T00:00:00Z`));
}

function describeNumber(number: ClaimNumber): string {
  const relation = number.relation === '=' ? '' : `${number.relation} `;
  return `${relation}${number.value} (${number.kind}, written “${escapeMarkdownText(number.text)}”)`;
}

function describeDate(mention: DateMention, publicationDate: string): string {
  const written = `“${escapeMarkdownText(mention.text)}”`;
  if (mention.kind === 'date') return `${mention.date} (${written})`;
  const future = mention.kind === 'range' && mention.start > publicationDate ? ', a forecast' : '';
  if (mention.kind === 'range') return `${mention.start} to ${mention.end} (${written}${future})`;
  return `${written}, relative to ${mention.anchor}`;
}

/** The claimant a draft can use: the registry entity named, else the publisher that reported it. */
export function draftClaimant(result: IngestResult, claim: CandidateClaim): string | undefined {
  return claim.claimant.entityId ?? result.publisherEntityId;
}

function renderClaim(
  result: IngestResult,
  event: ArticleEvent,
  claim: CandidateClaim,
  ids: DraftIds,
  claimant: string,
): string {
  const details: string[] = [
    `Pending review: candidate claim found by \`pnpm ingest\` (${claim.reasons.join(', ')}).`,
  ];
  const asWritten = escapeMarkdownText(claim.claimant.name);
  details.push(
    claim.claimant.entityId === claimant
      ? `Claimant as written: ${asWritten} (${claim.claimant.via}).`
      : `Made by ${asWritten} (${claim.claimant.via}), who is not in the entity registry: the claimant is set to the publisher that reported it until the entity is added (see the notes).`,
  );
  if (claim.numbers.length > 0)
    details.push(`Numbers to check: ${claim.numbers.map(describeNumber).join('; ')}.`);
  if (claim.dates.length > 0) {
    details.push(
      `Dates: ${claim.dates.map((date) => describeDate(date, result.publicationDate)).join('; ')}.`,
    );
  }
  const elsewhere = claim.events
    .filter((date) => date !== event.date)
    .map((date) => `[the ${formatDay(date)} draft](./${ids.draftIds.get(date)}.md#${claim.id})`);
  if (elsewhere.length > 0)
    details.push(`The same sentence also reports on ${elsewhere.join(' and ')}.`);
  return [
    `:::claim{#${claim.id} claimant=${claimant} source=${ids.sourceId} date=${result.publicationDate} verdict=pending}`,
    `> ${escapeMarkdownText(claim.quote)}`,
    '',
    details.join(' '),
    ':::',
  ].join('\n');
}

function eventNotes(
  result: IngestResult,
  event: ArticleEvent,
  claims: readonly CandidateClaim[],
  sourceId: string,
): string[] {
  const notes = [
    `Drafted by pnpm ingest on ${result.received} from sources/${sourceId}.md (${result.origin}). Every claim is pending: trim each quote to the words that make the claim, write the assessment and the verdict, and replace the title, summary and conclusion with our own words.`,
    ...result.warnings,
  ];
  for (const claim of claims) {
    if (claim.claimant.entityId) continue;
    const proposal = proposedEntityFor(result.entities.proposed, claim.claimant.name);
    const claimant = result.publisherEntityId;
    notes.push(
      claimant
        ? `Claim ${claim.id}: made by "${claim.claimant.name}" (${claim.claimant.via}), who is not in the registry; claimant set to ${claimant}, the publisher that reported it.${proposal ? ` Add the proposed entity ${proposal.id} and make it the claimant.` : ''}`
        : `Candidate claim not written as a block, since neither "${claim.claimant.name}" nor the publisher "${result.publisher}" is in the registry: add one of them to entities/, then quote: "${claim.quote}"`,
    );
  }
  const text = event.sentences.map((index) => result.sentences[index]?.text ?? '').join(' ');
  const claimantNames = new Set(claims.map((claim) => claim.claimant.name));
  for (const entity of result.entities.proposed) {
    // The publisher is proposed wherever a claim has no registry claimant: it is the fallback.
    const fallback =
      entity.name === result.publisher && claims.some((claim) => !claim.claimant.entityId);
    const named =
      fallback ||
      [entity.name, ...entity.aliases].some(
        (name) => text.includes(name) || claimantNames.has(name),
      );
    if (!named) continue;
    const aliases =
      entity.aliases.length > 0
        ? ` (also written ${entity.aliases.map((alias) => `"${alias}"`).join(', ')})`
        : '';
    const why = fallback
      ? 'the publisher, claimant of the claims whose author is not in the registry'
      : entity.reason === 'claimant'
        ? 'makes a claim here'
        : 'named in the article';
    notes.push(
      `Proposed entity ${entity.id} (${entity.kind}): "${entity.name}"${aliases}; ${why}, not in the registry yet.`,
    );
  }
  for (const forecast of event.forecasts) {
    const claim = claims.find((candidate) => candidate.sentence === forecast.sentence);
    notes.push(
      `Forecast: "${forecast.text}" (${forecast.start}${forecast.end === forecast.start ? '' : ` to ${forecast.end}`})${claim ? ` in claim ${claim.id}` : ''} is after the publication date, so it gets no draft of its own; check it once that date has passed.`,
    );
  }
  for (const claim of claims) {
    for (const mention of claim.dates) {
      if (mention.kind !== 'relative') continue;
      notes.push(
        `"${mention.text}" in claim ${claim.id} is relative to the publication date ${mention.anchor}: pin it down from another source.`,
      );
    }
  }
  for (const caption of result.captions) {
    // A caption belongs to the draft of the day it names, or else to the publication day.
    const home =
      caption.dates.length > 0
        ? caption.dates.includes(event.date)
        : event.date === result.publicationDate;
    if (home)
      notes.push(
        `Photo caption in the article (kept once in the archive; not a claim): "${caption.text}"`,
      );
  }
  return notes;
}

export function renderDraft(
  result: IngestResult,
  event: ArticleEvent,
  ids: DraftIds,
  registry: EntityRegistry,
  today: string,
): string {
  const claims = result.claims.filter((claim) => claim.events.includes(event.date));
  const draftId = ids.draftIds.get(event.date);
  const lede = result.sentences[event.sentences[0] ?? 0]?.text ?? result.title;
  const summary = (lede.split(/,\s/)[0] ?? lede).replace(/[.!?”"]+$/u, '');

  const source: SourceReference = {
    id: ids.sourceId,
    title: result.title,
    publisher: result.publisher,
    published: result.published,
    archived: `../sources/${ids.sourceId}.md`,
  };
  if (result.url && webUrl.safeParse(result.url).success) source.url = result.url;
  // Empty `tags` and `corrections` are left out: the schema defaults them and drafts read better.
  const frontmatter: Omit<DigestFrontmatter, 'tags' | 'corrections'> = {
    title: `${formatDay(event.date)}: ${summary}`,
    eventDate: event.date,
    published: today,
    conclusion: 'Pending review: one sentence, in our words, on what a reader should take away.',
    status: 'draft',
    sources: [source],
    notes: eventNotes(result, event, claims, ids.sourceId),
  };
  if (draftId === undefined) throw new Error(`No draft id for the event on ${event.date}`);

  const eventText = event.sentences.map((index) => result.sentences[index]?.text ?? '').join(' ');
  const entityIds = [
    ...new Set(matchRegistryEntities(registry, eventText).map((match) => match.entityId)),
  ];
  const entityLinks = entityIds.flatMap((id) => {
    const entity = registry.find((candidate) => candidate.id === id);
    return entity ? [`[${escapeMarkdownText(entity.name)}](../entities/${id}.md)`] : [];
  });
  const link = (date: string) => `[${formatDay(date)}](./${ids.draftIds.get(date)}.md)`;
  const others = result.events
    .map((other) => other.date)
    .filter((date) => date !== event.date && !event.mentions.includes(date));

  const body: string[] = [
    `Drafted by \`pnpm ingest\` from [the archived article](../sources/${ids.sourceId}.md) by ${escapeMarkdownText(result.publisher)}, published ${result.publicationDate}, for what it reports on ${formatDay(event.date)}. Replace this paragraph with what happened, in our own words.`,
  ];
  if (entityLinks.length > 0)
    body.push(`Named in this part of the article: ${entityLinks.join(', ')}.`);
  if (event.mentions.length > 0)
    body.push(`It also mentions the events of ${event.mentions.map(link).join(', ')}.`);
  if (others.length > 0)
    body.push(`Other events the same article reports: ${others.map(link).join(', ')}.`);
  const blocks = claims.flatMap((claim) => {
    const claimant = draftClaimant(result, claim);
    return claimant ? [renderClaim(result, event, claim, ids, claimant)] : [];
  });

  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${[...body, ...blocks].join('\n\n')}\n`;
}
