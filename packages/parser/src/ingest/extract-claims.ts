/**
 * Candidate claims: sentences that attribute a statement, quote someone, or assert a number or a
 * date. Each keeps its sentence verbatim, so the quote is a substring of the archived text.
 * A quotation with no attribution of its own continues the last speaker of its paragraph
 * ("“…,” Zelensky said. “These include…”"); a statement attributed to no one is the
 * publisher's own report.
 */
import { keywordId, uniqueId } from './content-id.ts';
import { findAttribution, hasQuotation } from './attribution.ts';
import { extractNumbers } from './claim-numbers.ts';
import type { EntityRegistry } from './entity-registry.ts';
import { resolveEntityName } from './entity-registry.ts';
import type {
  CandidateClaim,
  ClaimReason,
  Claimant,
  DateMention,
  Sentence,
} from './ingest-result.ts';

/** A claim id from the quote's first content words: "The Istanbul deal was reached…" → `istanbul-deal-reached-second`. */
export function claimIdFor(quote: string, taken: ReadonlySet<string>): string {
  return uniqueId(keywordId(quote, 4) || 'claim', taken);
}

export interface ClaimExtractionInput {
  sentences: readonly Sentence[];
  dates: readonly DateMention[][];
  sentenceEvents: readonly string[][];
  registry: EntityRegistry;
  publisher: string;
  publisherEntityId: string | undefined;
}

export function extractClaims(input: ClaimExtractionInput): CandidateClaim[] {
  const claims: CandidateClaim[] = [];
  const taken = new Set<string>();
  let lastSpeaker: { paragraph: number; claimant: Claimant } | undefined;

  for (const sentence of input.sentences) {
    const dates = input.dates[sentence.index] ?? [];
    const numbers = extractNumbers(sentence.text, dates, sentence.offset);
    const attribution = findAttribution(sentence.text);
    const quotation = hasQuotation(sentence.text);

    const reasons: ClaimReason[] = [];
    if (attribution) reasons.push('attribution');
    if (quotation) reasons.push('quotation');
    if (numbers.length > 0) reasons.push('number');
    if (dates.length > 0) reasons.push('date');
    if (reasons.length === 0) continue;

    let claimant: Claimant;
    if (attribution) {
      claimant = { name: attribution.name, via: attribution.via };
      const entityId = resolveEntityName(input.registry, attribution.name);
      if (entityId) claimant.entityId = entityId;
    } else if (quotation && lastSpeaker?.paragraph === sentence.paragraph) {
      claimant = {
        ...lastSpeaker.claimant,
        via: `${lastSpeaker.claimant.via} (continued quotation)`,
      };
    } else {
      claimant = { name: input.publisher, via: 'reported' };
      if (input.publisherEntityId) claimant.entityId = input.publisherEntityId;
    }
    if (attribution) lastSpeaker = { paragraph: sentence.paragraph, claimant };

    const id = claimIdFor(sentence.text, taken);
    taken.add(id);
    claims.push({
      id,
      sentence: sentence.index,
      quote: sentence.text,
      reasons,
      claimant,
      numbers,
      dates: [...dates],
      events: [...(input.sentenceEvents[sentence.index] ?? [])],
    });
  }
  return claims;
}
