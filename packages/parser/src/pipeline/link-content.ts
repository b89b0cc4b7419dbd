/**
 * Phase 2: takes every file's phase-1 result, resolves cross-references by file path to ids,
 * checks what spans files (duplicate ids, link targets, claim anchors, claimants, quotes against
 * archived sources, alias collisions), substitutes the final hrefs and builds the graph.
 * Every step is a map lookup, so the cost grows linearly with the content.
 */
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { claimPath, digestPath, entityPath, sourcePath } from '../format/site-paths.ts';
import { buildContentGraph, type GraphOptions } from '../graph/build-content-graph.ts';
import {
  compareDiagnostics,
  compareStrings,
  createDiagnostic,
  type Diagnostic,
} from '../diagnostics/diagnostic.ts';
import type {
  ArchivedSource,
  ContentGraph,
  CrossReference,
  CrossReferenceTarget,
  Digest,
  Entity,
  EntityMention,
} from '../model.ts';
import {
  placeholderScheme,
  type PendingCrossReference,
} from '../plugins/remark-cross-references.ts';
import { createEntityRegistry } from './entity-registry.ts';
import type {
  ParsedContentFile,
  ParsedDigestFile,
  ParsedEntityFile,
} from './parse-content-file.ts';

export interface ContentSet {
  /** Sorted by id. */
  digests: Digest[];
  entities: Entity[];
  sources: ArchivedSource[];
  graph: ContentGraph;
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
}

export interface LinkOptions {
  graph?: GraphOptions;
}

// Anchored on the tag: the same characters in text or code are escaped differently (`&#x3C;a`),
// so a digest that writes ` href="xref:0"` in a code span keeps it as written.
const placeholderHref = new RegExp(`<a href="${placeholderScheme}:(\\d+)"`, 'g');

export function linkContent(
  parsedFiles: readonly ParsedContentFile[],
  options: LinkOptions = {},
): ContentSet {
  const files = [...parsedFiles].sort((a, b) => compareStrings(a.path, b.path));
  const diagnostics: Diagnostic[] = files.flatMap((file) => file.diagnostics);
  const byPath = new Map(files.map((file) => [file.path, file]));

  const digestFiles = uniqueById(files.filter(isKind('digest')), 'digest', diagnostics);
  const entityFiles = uniqueById(files.filter(isKind('entity')), 'entity', diagnostics);
  const sourceFiles = uniqueById(files.filter(isKind('source')), 'source', diagnostics);
  const sourcesById = new Map(
    [...sourceFiles.values()].flatMap((file) => (file.source ? [[file.id, file.source]] : [])),
  );

  reportAliasCollisions(entityFiles, diagnostics);

  const digests: Digest[] = [];
  for (const file of digestFiles.values()) {
    if (!file.digest) continue;
    const { digest, hrefs } = linkDigest(file, file.digest, byPath, diagnostics);
    checkClaims(file, digest, entityFiles, sourcesById, diagnostics);
    digest.html = substitute(digest.html, hrefs);
    if (digest.absoluteHtml !== undefined && file.pageUrl !== undefined) {
      digest.absoluteHtml = substitute(digest.absoluteHtml, hrefs, file.pageUrl);
    }
    for (const claim of digest.claims)
      claim.assessmentHtml = substitute(claim.assessmentHtml, hrefs);
    digests.push(digest);
  }

  const entities: Entity[] = [];
  for (const file of entityFiles.values()) {
    if (!file.entity) continue;
    const hrefs = new Map<number, string | undefined>();
    for (const reference of file.crossReferences) {
      const resolved = resolve(file, reference, byPath, diagnostics);
      if (reference.placeholder !== undefined) hrefs.set(reference.placeholder, resolved?.href);
    }
    entities.push({ ...file.entity, html: substitute(file.entity.html, hrefs) });
  }

  const sources = [...sourcesById.values()];
  const graph = buildContentGraph(digests, entities, options.graph);
  return {
    digests,
    entities,
    sources,
    graph,
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}

function isKind<Kind extends ParsedContentFile['kind']>(kind: Kind) {
  return (file: ParsedContentFile): file is Extract<ParsedContentFile, { kind: Kind }> =>
    file.kind === kind;
}

/**
 * Files by id, in id order. When two files have the same id, the one named after it keeps it
 * (the other set `id:` to a taken id, and that is where the fix goes); otherwise the first by path.
 */
function uniqueById<File extends ParsedContentFile>(
  files: File[],
  kind: string,
  diagnostics: Diagnostic[],
): Map<string, File> {
  const byId = new Map<string, File>();
  const namedAfterId = (file: File) => (file.path.endsWith(`/${file.id}.md`) ? 0 : 1);
  const owners = [...files].sort(
    (a, b) => namedAfterId(a) - namedAfterId(b) || compareStrings(a.path, b.path),
  );
  for (const file of owners) {
    const first = byId.get(file.id);
    if (first) {
      diagnostics.push(
        createDiagnostic(
          'id-duplicate',
          file.path,
          file.idPosition,
          `The ${kind} id \`${file.id}\` is already used by ${first.path}: rename this file or give it a different \`id\`.`,
        ),
      );
      continue;
    }
    byId.set(file.id, file);
  }
  return new Map([...byId].sort(([a], [b]) => compareStrings(a, b)));
}

function reportAliasCollisions(
  entityFiles: Map<string, ParsedEntityFile>,
  diagnostics: Diagnostic[],
): void {
  const entities = [...entityFiles.values()].flatMap((file) => (file.entity ? [file.entity] : []));
  const registry = createEntityRegistry(entities);
  for (const [term, ids] of registry.ambiguousTerms) {
    const [owner, ...others] = ids;
    for (const id of others) {
      const file = entityFiles.get(id);
      const entity = file?.entity;
      if (!file || !entity) continue;
      const index = [entity.name, ...entity.aliases].findIndex((name) => name.trim() === term);
      diagnostics.push(
        createDiagnostic(
          'entity-alias-collision',
          file.path,
          file.namePositions[index] ?? file.idPosition,
          `\`${term}\` is also a name or alias of entity \`${owner ?? ''}\`, so its mentions are not attributed to either: remove it from one entity or make it more specific.`,
        ),
      );
    }
  }
}

interface Resolution {
  target: CrossReferenceTarget;
  href: string;
}

function resolve(
  from: ParsedContentFile,
  reference: PendingCrossReference,
  byPath: Map<string, ParsedContentFile>,
  diagnostics: Diagnostic[],
): Resolution | undefined {
  const target = byPath.get(reference.targetPath);
  // The generated source link of a claim repeats the frontmatter `archived` path: report once.
  const reportable = reference.origin !== 'claim-source';
  const fail = (ruleId: 'link-missing-file' | 'link-missing-claim', message: string) => {
    if (reportable)
      diagnostics.push(createDiagnostic(ruleId, from.path, reference.position, message));
    return undefined;
  };
  if (!target || target.kind === 'other') {
    return fail(
      'link-missing-file',
      `Link to \`${reference.targetPath}\`, which does not exist: correct the path (it is relative to this file) or create the file.`,
    );
  }
  if (target.kind === 'digest') {
    if (reference.fragment === undefined) {
      return { target: { kind: 'digest', digestId: target.id }, href: digestPath(target.id) };
    }
    const claimIds = target.claimIds;
    const declared = claimIdSet(claimIds);
    const claimId = [reference.fragment, reference.fragment.replace(/^claim-/, '')].find((id) =>
      declared.has(id),
    );
    if (claimId === undefined) {
      return fail(
        'link-missing-claim',
        `Link to claim \`#${reference.fragment}\` of \`${target.path}\`, which has no such claim: use one of ${
          claimIds.map((id) => `\`#${id}\``).join(', ') || 'its claim ids (it has none)'
        }.`,
      );
    }
    return {
      target: { kind: 'claim', digestId: target.id, claimId },
      href: claimPath(target.id, claimId),
    };
  }
  if (reference.fragment !== undefined) {
    return fail(
      'link-missing-claim',
      `Link to \`#${reference.fragment}\` of \`${target.path}\`: only digests have claim anchors; remove the \`#${reference.fragment}\`.`,
    );
  }
  return target.kind === 'entity'
    ? { target: { kind: 'entity', entityId: target.id }, href: entityPath(target.id) }
    : { target: { kind: 'source', sourceId: target.id }, href: sourcePath(target.id) };
}

function linkDigest(
  file: ParsedDigestFile,
  parsed: Digest,
  byPath: Map<string, ParsedContentFile>,
  diagnostics: Diagnostic[],
): { digest: Digest; hrefs: Map<number, string | undefined> } {
  const digest: Digest = {
    ...parsed,
    sources: parsed.sources.map((source) => ({ ...source })),
    claims: parsed.claims.map((claim) => ({ ...claim })),
    mentions: [...parsed.mentions],
    links: [],
  };
  const hrefs = new Map<number, string | undefined>();
  for (const reference of file.crossReferences) {
    const resolved = resolve(file, reference, byPath, diagnostics);
    if (reference.placeholder !== undefined) hrefs.set(reference.placeholder, resolved?.href);
    if (!resolved) continue;
    const target = byPath.get(reference.targetPath);
    if (
      digest.status === 'published' &&
      target?.kind === 'digest' &&
      target.digest?.status === 'draft' &&
      reference.origin === 'body'
    ) {
      diagnostics.push(
        createDiagnostic(
          'link-to-draft',
          file.path,
          reference.position,
          `This published digest links to \`${target.path}\`, a draft that is not on the site: publish it first or remove the link.`,
        ),
      );
    }
    if (reference.origin === 'frontmatter') {
      const source = digest.sources[reference.sourceIndex ?? -1];
      if (source && resolved.target.kind === 'source')
        source.archivedSourceId = resolved.target.sourceId;
      continue;
    }
    if (reference.origin !== 'body') continue;
    const crossReference: CrossReference = {
      fromDigestId: digest.id,
      target: resolved.target,
      text: reference.text,
      href: resolved.href,
      position: reference.position,
    };
    if (reference.fromClaimId !== undefined) crossReference.fromClaimId = reference.fromClaimId;
    digest.links.push(crossReference);
    if (resolved.target.kind === 'entity') {
      const mention: EntityMention = {
        entityId: resolved.target.entityId,
        digestId: digest.id,
        text: reference.text,
        via: 'link',
        position: reference.position,
      };
      if (reference.fromClaimId !== undefined) mention.claimId = reference.fromClaimId;
      digest.mentions.push(mention);
    }
  }
  digest.mentions.sort(
    (a, b) => a.position.line - b.position.line || a.position.column - b.position.column,
  );
  return { digest, hrefs };
}

function checkClaims(
  file: ParsedDigestFile,
  digest: Digest,
  entityFiles: Map<string, ParsedEntityFile>,
  sourcesById: Map<string, ArchivedSource>,
  diagnostics: Diagnostic[],
): void {
  const report = (
    ruleId: 'entity-unknown' | 'claim-quote-not-verbatim' | 'claim-pending',
    position: { line: number; column: number },
    message: string,
  ) => diagnostics.push(createDiagnostic(ruleId, file.path, position, message));

  for (const claim of digest.claims) {
    if (!entityFiles.get(claim.claimant)?.entity) {
      report(
        'entity-unknown',
        claim.position,
        `Claim \`${claim.id}\`: claimant \`${claim.claimant}\` is not in the entity registry: use the id of a file in \`entities/\`, or add \`entities/${claim.claimant}.md\`.`,
      );
    }
    for (const entityId of claim.about) {
      if (!entityFiles.get(entityId)?.entity) {
        report(
          'entity-unknown',
          claim.position,
          `Claim \`${claim.id}\`: \`about\` entity \`${entityId}\` is not in the entity registry: use the id of a file in \`entities/\`, or add \`entities/${entityId}.md\`.`,
        );
      }
    }
    const archivedId = digest.sources.find(
      (source) => source.id === claim.source,
    )?.archivedSourceId;
    const archived = archivedId === undefined ? undefined : sourcesById.get(archivedId);
    if (archived && !quotedIn(archived, claim.quote)) {
      report(
        'claim-quote-not-verbatim',
        file.quotePositions[claim.id] ?? claim.position,
        `The quote of claim \`${claim.id}\` is not found word for word in the archived source \`${archived.id}\`: copy it exactly from ${archived.file} (only whitespace may differ; quotation marks and apostrophes must match).`,
      );
    }
    if (digest.status === 'published' && claim.verdict === 'pending') {
      report(
        'claim-pending',
        claim.position,
        `Claim \`${claim.id}\` is still \`pending\` in a published digest: review it and give it a verdict.`,
      );
    }
  }
}

// Per-object caches, so 10,000 claims quoting one source, or linking into one digest, do not
// normalise the source or scan the claim list 10,000 times.
const claimIdSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const normalisedTexts = new WeakMap<Pick<ArchivedSource, 'text'>, string>();

function claimIdSet(claimIds: readonly string[]): ReadonlySet<string> {
  let set = claimIdSets.get(claimIds);
  if (set === undefined) {
    set = new Set(claimIds);
    claimIdSets.set(claimIds, set);
  }
  return set;
}

function normalisedText(source: Pick<ArchivedSource, 'text'>): string {
  let text = normalisedTexts.get(source);
  if (text === undefined) {
    text = normaliseWhitespace(source.text);
    normalisedTexts.set(source, text);
  }
  return text;
}

/**
 * Whether the archived text holds the quote, runs of whitespace comparing equal. A quote found as
 * written is also found normalised (each whitespace run inside it is the same run in the text), so
 * the source is normalised only for quotes that are not found as written.
 */
export function quotedIn(source: Pick<ArchivedSource, 'text'>, quote: string): boolean {
  return source.text.includes(quote) || normalisedText(source).includes(normaliseWhitespace(quote));
}

/** Whitespace is the only thing a quote may differ in: runs of it compare equal. */
function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Puts the resolved hrefs in place of the placeholders. With `pageUrl` (for `absoluteHtml`) each
 * href is made absolute against it and written as the HTML serialiser writes attributes, so the
 * result is what serialising the tree with that href in it would have given.
 */
function substitute(
  html: string,
  hrefs: Map<number, string | undefined>,
  pageUrl?: string,
): string {
  return html.replace(placeholderHref, (_, placeholder: string) => {
    const href = hrefs.get(Number(placeholder));
    // An unresolved link (already reported) keeps its text but points nowhere.
    if (href === undefined) return '<a';
    if (pageUrl !== undefined) return anchorStartTag(new URL(href, pageUrl).href);
    // Ids from file names are not validated, so the href is escaped for the attribute.
    return `<a href="${href.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`;
  });
}

const anchorWriter = unified().use(rehypeStringify).freeze();

/** `<a href="…"` (no closing `>`), serialised by the same stringifier that renders digests. */
function anchorStartTag(href: string): string {
  const anchor = anchorWriter.stringify({
    type: 'root',
    children: [{ type: 'element', tagName: 'a', properties: { href }, children: [] }],
  });
  return anchor.slice(0, -'></a>'.length);
}
