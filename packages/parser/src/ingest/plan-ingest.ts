/**
 * Decides what one analysed article becomes on disk, given what the content directory already
 * holds: nothing when its text is already archived (same content hash), otherwise its archived
 * source and one draft per event, each under an id no existing file has. Pure: the writer does
 * the writing.
 */
import { keywordId, contentIdFrom, uniqueId } from './content-id.ts';
import type { EntityRegistry } from './entity-registry.ts';
import type { IngestResult } from './ingest-result.ts';
import { draftClaimant, renderDraft } from './render-draft.ts';
import { renderSource } from './render-source.ts';

/** What the content directory holds already, updated as a run plans each article. */
export interface ExistingContent {
  /** Archived sources by content hash: `sha256-…` → path relative to the content directory. */
  sourceHashes: Map<string, string>;
  sourceIds: Set<string>;
  digestIds: Set<string>;
}

export interface PlannedFile {
  /** Path relative to the content directory, with `/` separators. */
  path: string;
  content: string;
  kind: 'source' | 'draft';
  /** For a draft: claim blocks written, and candidate claims left in the notes for want of a claimant. */
  claims?: { blocks: number; inNotes: number };
}

export type IngestPlan =
  | { kind: 'already-ingested'; result: IngestResult; existing: string }
  | { kind: 'new'; result: IngestResult; files: PlannedFile[] };

export interface PlanOptions {
  registry: EntityRegistry;
  /** Today, `YYYY-MM-DD`: the drafts' provisional publication date. */
  today: string;
}

export function planIngest(
  result: IngestResult,
  existing: ExistingContent,
  options: PlanOptions,
): IngestPlan {
  const archived =
    existing.sourceHashes.get(result.contentHash) ?? existing.sourceHashes.get(result.receivedHash);
  if (archived) return { kind: 'already-ingested', result, existing: archived };

  const publisherId =
    result.publisherEntityId ?? contentIdFrom(result.publisher.replace(/^the\s+/i, '')) ?? 'source';
  const sourceBase = [publisherId || 'source', result.publicationDate, keywordId(result.title, 3)]
    .filter((part) => part !== '')
    .join('-');
  const sourceId = uniqueId(sourceBase, existing.sourceIds);
  existing.sourceIds.add(sourceId);
  const sourcePath = `sources/${sourceId}.md`;
  existing.sourceHashes.set(result.contentHash, sourcePath);

  const draftIds = new Map<string, string>();
  for (const event of result.events) {
    const lede = result.sentences[event.sentences[0] ?? 0]?.text ?? result.title;
    const base = [event.date, keywordId(lede, 4)].filter((part) => part !== '').join('-');
    const id = uniqueId(base, existing.digestIds);
    existing.digestIds.add(id);
    draftIds.set(event.date, id);
  }

  const files: PlannedFile[] = [
    { path: sourcePath, content: renderSource(result), kind: 'source' },
  ];
  for (const event of result.events) {
    const claims = result.claims.filter((claim) => claim.events.includes(event.date));
    const blocks = claims.filter((claim) => draftClaimant(result, claim) !== undefined).length;
    files.push({
      path: `digests/${draftIds.get(event.date)}.md`,
      content: renderDraft(result, event, { sourceId, draftIds }, options.registry, options.today),
      kind: 'draft',
      claims: { blocks, inNotes: claims.length - blocks },
    });
  }
  return { kind: 'new', result, files };
}
