/**
 * Phase 1: one content file, parsed once, into JSON-serialisable data. Depends only on the file
 * and the entity registry, so a loader can cache the result per file. Cross-references are left
 * as `xref:<n>` placeholders for `linkContent` (phase 2).
 */
import { posix } from 'node:path';
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Root } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { collectDiagnostics, report } from '../diagnostics/report.ts';
import type { ArchivedSource, Digest, Entity, Position } from '../model.ts';
import { rehypeExternalLinks } from '../plugins/rehype-external-links.ts';
import { remarkAutolinkLiteralTransform } from '../plugins/remark-autolink-literal-transform.ts';
import { remarkClaims } from '../plugins/remark-claims.ts';
import { remarkContentSafety } from '../plugins/remark-content-safety.ts';
import {
  remarkCrossReferences,
  type PendingCrossReference,
} from '../plugins/remark-cross-references.ts';
import {
  archivedTextAfter,
  remarkDigestFrontmatter,
  type ContentKind,
} from '../plugins/remark-digest-frontmatter.ts';
import { remarkEntityMentions } from '../plugins/remark-entity-mentions.ts';
import { remarkNestingLimit } from '../plugins/remark-nesting-limit.ts';
import { remarkStrayDirectives } from '../plugins/remark-stray-directives.ts';
import {
  remarkWithoutConstructs,
  unmatchableGfmConstructs,
  type DroppableGfmConstruct,
} from '../plugins/remark-without-constructs.ts';
import { digestPath } from '../format/site-paths.ts';
import { closedYamlFrontmatter } from '../frontmatter/closed-yaml-frontmatter.ts';
import { absoluteUrls } from '../render/absolute-urls.ts';
import { hastContentHandler } from '../render/hast-content.ts';
import { sanitizeSchema } from '../render/sanitize-schema.ts';
import { walkTree } from '../render/walk-tree.ts';
import { decodeContentText } from './decode-content-text.ts';
import { parseAfterFrontmatter, type BodyReader } from './parse-after-frontmatter.ts';
import { createEntityRegistry, type EntityRegistry } from './entity-registry.ts';

/** A content file as read from disk or given in memory. */
export interface ContentFile {
  /** Path relative to the content directory, with `/` separators: `digests/x.md`. */
  path: string;
  value: string;
}

/**
 * A content file as the bytes on disk. Prefer this to decoding the file yourself: bytes that are
 * not valid UTF-8 are then reported (`encoding-invalid`) instead of silently becoming U+FFFD.
 */
export interface ContentFileBytes {
  /** Path relative to the content directory, with `/` separators: `digests/x.md`. */
  path: string;
  bytes: Uint8Array;
}

interface ParsedFileBase {
  /** Path relative to the content directory. */
  path: string;
  /** Frontmatter `id`, else the file name without `.md`. */
  id: string;
  /** Where the id is written (the `id` value, or the frontmatter start). */
  idPosition: Position;
  /** Links to other content files, with placeholders in `html`. */
  crossReferences: PendingCrossReference[];
  diagnostics: Diagnostic[];
}

export interface ParsedDigestFile extends ParsedFileBase {
  kind: 'digest';
  /** Undefined when the frontmatter is invalid (the problems are in `diagnostics`). */
  digest?: Digest;
  /** Where each claim's quote starts, by claim id. */
  quotePositions: Record<string, Position>;
  /** Every claim id the file declares, including claims that have problems of their own. */
  claimIds: string[];
  /**
   * The digest page's absolute URL, which `digest.absoluteHtml` is resolved against (linkContent
   * resolves its cross-references against it too). Present with `absoluteHtml` only.
   */
  pageUrl?: string;
}

export interface ParsedEntityFile extends ParsedFileBase {
  kind: 'entity';
  entity?: Entity;
  /** Positions of the entity's `name`, then of each alias. */
  namePositions: Position[];
}

export interface ParsedSourceFile extends ParsedFileBase {
  kind: 'source';
  source?: ArchivedSource;
}

export interface ParsedOtherFile extends ParsedFileBase {
  kind: 'other';
}

/** The result of phase 1 for one file: plain data, safe to `JSON.stringify` and cache. */
export type ParsedContentFile =
  ParsedDigestFile | ParsedEntityFile | ParsedSourceFile | ParsedOtherFile;

export interface ParseOptions {
  /** The entities digests are checked and matched against (build it with `createEntityRegistry`). */
  entities?: EntityRegistry;
  /**
   * The absolute URL the site is published at. When given, each digest also carries
   * `absoluteHtml`, resolved against its page, `/digests/<id>/` on the site (the address
   * `linkContent` links digests at). Made here from the tree the HTML is rendered from, so no
   * one has to parse the HTML again to make its links absolute.
   */
  siteUrl?: string;
}

const emptyRegistry = createEntityRegistry([]);

/** The content kind a path belongs to, from its folder: `digests/`, `entities/` or `sources/`. */
export function contentKindOf(path: string): ContentKind | undefined {
  const match = /^(digests|entities|sources)\/[^/]+\.md$/.exec(path);
  if (!match) return undefined;
  return match[1] === 'digests' ? 'digest' : match[1] === 'entities' ? 'entity' : 'source';
}

export function parseContentFile(
  input: ContentFile | ContentFileBytes,
  options: ParseOptions = {},
): ParsedContentFile {
  const kind = contentKindOf(input.path);
  const base = {
    path: input.path,
    id: posix.basename(input.path, '.md'),
    idPosition: { line: 1, column: 1 },
    crossReferences: [],
  };
  if (kind === undefined) {
    return {
      ...base,
      kind: 'other',
      diagnostics: [
        createDiagnostic(
          'file-unknown-kind',
          input.path,
          { line: 1, column: 1 },
          'This file is not in `digests/`, `entities/` or `sources/`, so it is not published: move it into the folder for its kind.',
        ),
      ],
    };
  }
  const registry = options.entities ?? emptyRegistry;
  const decoded = decodeContentText('bytes' in input ? input.bytes : input.value);
  const file = new VFile({
    path: input.path,
    value: decoded.text,
    data: { contentPath: input.path, contentId: base.id },
  });
  if (decoded.invalid) {
    const { position, count } = decoded.invalid;
    report(
      file,
      'encoding-invalid',
      position,
      `The file is not valid UTF-8: ${count === 1 ? 'the bytes here are' : `${count} byte sequences, the first here, are`} shown as \`\uFFFD\` (U+FFFD): save the file as UTF-8 and retype ${count === 1 ? 'the character' : 'those characters'}.`,
    );
  }

  if (kind === 'source') {
    // An archived source's body is verbatim text, not Markdown: only its frontmatter is read.
    readArchivedSourceFrontmatter(file);
    return parsedSource(file, base);
  }
  // GFM constructs that cannot match this document are left out of its reader, which is faster.
  const yamlNode = closedYamlFrontmatter(decoded.text);
  const without = unmatchableGfmConstructs(decoded.text, yamlNode);
  const rendering = renderingProcessor(kind, registry, without);
  const mdast: Root =
    parseAfterFrontmatter(decoded.text, bodyReader(without), yamlNode) ?? rendering.parse(file);
  const hast = rendering.runSync(mdast, file) as HastRoot;
  const html = rendering.stringify(hast);
  const positions = file.data.frontmatterPositions;
  const common = {
    ...base,
    id: file.data.contentId ?? base.id,
    idPosition: positions?.id ?? base.idPosition,
    crossReferences: file.data.crossReferences ?? [],
    diagnostics: collectDiagnostics(file, input.path),
  };

  if (kind === 'entity') {
    const frontmatter = file.data.entityFrontmatter;
    const parsed: ParsedEntityFile = {
      ...common,
      kind,
      namePositions: positions?.entityNames ?? [],
    };
    if (frontmatter) {
      const { wikidata, ...rest } = omitId(frontmatter);
      parsed.entity = {
        ...rest,
        id: common.id,
        file: input.path,
        html,
        ...(wikidata === undefined ? {} : { wikidata }),
      };
    }
    return parsed;
  }

  const parsed: ParsedDigestFile = {
    ...common,
    kind,
    quotePositions: file.data.quotePositions ?? {},
    claimIds: file.data.claimIds ?? [],
  };
  const frontmatter = file.data.digestFrontmatter;
  if (frontmatter) {
    const assessments = claimAssessments(hast, (node) => rendering.stringify(node));
    const claims = (file.data.claims ?? []).map((claim) => ({
      ...claim,
      about: [...claim.about].sort(),
      assessmentHtml: assessments.get(claim.id) ?? '',
    }));
    const { updated, ...rest } = omitId(frontmatter);
    parsed.digest = {
      ...rest,
      id: common.id,
      file: input.path,
      ...(updated === undefined ? {} : { updated }),
      claims,
      html,
      text: toText(hast).trim(),
      links: [],
      mentions: file.data.entityMentions ?? [],
    };
    if (options.siteUrl !== undefined) {
      // Last, because it rewrites the tree everything above was made from.
      const pageUrl = new URL(digestPath(common.id), options.siteUrl).href;
      absoluteUrls(hast, pageUrl);
      parsed.digest.absoluteHtml = rendering.stringify(hast);
      parsed.pageUrl = pageUrl;
    }
  }
  return parsed;
}

/**
 * The plugins that read Markdown with frontmatter, as every content kind is read. Without the
 * GFM constructs in `without`, only for documents they cannot match (see remark-without-constructs).
 */
function markdownReader(kind: ContentKind, without: readonly DroppableGfmConstruct[] = []) {
  return markdownBodyReader(kind, without, true).use(remarkDigestFrontmatter, { kind });
}

/** The Markdown plugins of `markdownReader`, with or without the frontmatter construct. */
function markdownBodyReader(
  kind: ContentKind,
  without: readonly DroppableGfmConstruct[],
  frontmatter: boolean,
) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkNestingLimit, { report: kind !== 'source' })
    .use(frontmatter ? [[remarkFrontmatter, ['yaml']]] : [])
    .use(remarkGfm);
  if (without.length > 0) processor.use(remarkWithoutConstructs, { constructs: without });
  return processor.use(remarkAutolinkLiteralTransform).use(remarkDirective);
}

/** Readers of what follows a frontmatter block (see parse-after-frontmatter), per `without`. */
const bodyReaders = new Map<string, BodyReader>();

function bodyReader(without: readonly DroppableGfmConstruct[]): BodyReader {
  const key = without.join(' ');
  let reader = bodyReaders.get(key);
  if (reader === undefined) {
    // Only its parser is used: the rendering processor runs the plugins on the whole tree.
    const processor = markdownBodyReader('digest', without, false).freeze();
    reader = (markdown) => processor.parse(markdown);
    bodyReaders.set(key, reader);
  }
  return reader;
}

/**
 * The whole pipeline for a digest or an entity page, frozen so it is built once, not per file
 * (building one combines every micromark syntax extension again).
 */
function createRenderingProcessor(
  kind: 'digest' | 'entity',
  registry: EntityRegistry,
  without: readonly DroppableGfmConstruct[],
) {
  const processor = markdownReader(kind, without)
    .use(remarkStrayDirectives, { containers: kind === 'digest' ? ['claim'] : [] })
    .use(remarkContentSafety);
  // `use` appends in order: claims before cross-references (claims add source links), mentions last.
  if (kind === 'digest') processor.use(remarkClaims, { entityNames: registry.names });
  processor.use(remarkCrossReferences);
  if (kind === 'digest') processor.use(remarkEntityMentions, { registry });
  return processor
    .use(remarkRehype, { handlers: { hastContent: hastContentHandler } })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeExternalLinks)
    .use(rehypeStringify)
    .freeze();
}

type RenderingProcessor = ReturnType<typeof createRenderingProcessor>;

/** Frozen pipelines per registry (digests depend on it), kind and reader: at most 32. */
const renderingProcessors = new WeakMap<EntityRegistry, Map<string, RenderingProcessor>>();

function renderingProcessor(
  kind: 'digest' | 'entity',
  registry: EntityRegistry,
  without: readonly DroppableGfmConstruct[],
) {
  let byKey = renderingProcessors.get(registry);
  if (byKey === undefined) {
    byKey = new Map();
    renderingProcessors.set(registry, byKey);
  }
  // `without` comes in one fixed order (unmatchableGfmConstructs), so equal sets give one key.
  const key = `${kind} without ${without.join(' ')}`;
  let processor = byKey.get(key);
  if (processor === undefined) {
    processor = createRenderingProcessor(kind, registry, without);
    byKey.set(key, processor);
  }
  return processor;
}

const archivedSourceProcessor = markdownReader('source').freeze();

/**
 * For the text of an archived source up to its closing fence, which is frontmatter and nothing
 * else: no GFM or directive syntax can apply to it (the frontmatter construct is tried first at
 * the start of a document in both readers), so this reader gives the same YAML node, without
 * micromark combining GFM's and the directives' syntax extensions again for every source.
 */
const frontmatterReader = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkDigestFrontmatter, { kind: 'source' })
  .freeze();

/** A line that closes YAML frontmatter: `---`, then only spaces or tabs. */
const closingFenceLine = /^---[ \t]*$/;

/**
 * Reads an archived source's frontmatter into `file.data`. Only the frontmatter is read: usually
 * its node is read straight from the fences (closedYamlFrontmatter); otherwise only the text up to
 * the closing fence is parsed, since the archived text after it can be long and the frontmatter
 * node depends on nothing after its closing line. When that text yields no frontmatter (there is
 * none, or it is not closed), the whole file is parsed as before.
 */
function readArchivedSourceFrontmatter(file: VFile): void {
  const value = String(file.value);
  const frontmatter = closedYamlFrontmatter(value);
  if (frontmatter !== undefined) {
    frontmatterReader.runSync({ type: 'root', children: [frontmatter] }, file);
    return;
  }
  const lineEnding = /\r\n|\r|\n/g;
  let lineStart = -1;
  // Skip the opening line; the first later line that is a closing fence ends the frontmatter.
  for (let match = lineEnding.exec(value); match !== null; match = lineEnding.exec(value)) {
    if (lineStart !== -1 && closingFenceLine.test(value.slice(lineStart, match.index))) {
      const tree = frontmatterReader.parse(value.slice(0, match.index));
      if (tree.children[0]?.type === 'yaml') {
        frontmatterReader.runSync(tree, file);
        return;
      }
      break;
    }
    lineStart = match.index + match[0].length;
  }
  archivedSourceProcessor.runSync(archivedSourceProcessor.parse(file), file);
}

/**
 * The archived text of a source file, the `source.text` that `parseContentFile` gives for it,
 * without reading its frontmatter's fields: for a reader that has the parsed source already and
 * needs its text again, such as the source's page, which shows the text the loader did not keep.
 * In the usual file, whose frontmatter closes on a fence line, the text is cut at that line as
 * `parseContentFile` cuts it, by the same functions; otherwise the file is parsed whole.
 * `undefined` when the file gives no source.
 */
export function archivedSourceText(input: ContentFile | ContentFileBytes): string | undefined {
  const { text } = decodeContentText('bytes' in input ? input.bytes : input.value);
  const frontmatter = closedYamlFrontmatter(text);
  if (frontmatter !== undefined) return archivedTextAfter(text, frontmatter);
  const parsed = parseContentFile(input);
  return parsed.kind === 'source' ? parsed.source?.text : undefined;
}

function parsedSource(file: VFile, base: Omit<ParsedFileBase, 'diagnostics'>): ParsedSourceFile {
  const frontmatter = file.data.archivedSourceFrontmatter;
  const id = file.data.contentId ?? base.id;
  const parsed: ParsedSourceFile = {
    ...base,
    kind: 'source',
    id,
    idPosition: file.data.frontmatterPositions?.id ?? base.idPosition,
    diagnostics: collectDiagnostics(file, base.path),
  };
  if (frontmatter) {
    const rest = omitId(frontmatter);
    parsed.source = { ...rest, id, file: base.path, text: file.data.archivedText ?? '' };
  }
  return parsed;
}

/** The sanitised HTML of each claim's assessment, by claim id. */
function claimAssessments(
  tree: HastRoot,
  stringify: (node: HastRoot) => string,
): Map<string, string> {
  const assessments = new Map<string, string>();
  walkTree<HastNodes>(tree, (node, _ancestors, index) => {
    if (node.type !== 'element') return undefined;
    // A paragraph holds only phrasing content, never a claim: its children are not walked.
    if (node.tagName === 'p') return index === undefined ? undefined : index + 1;
    const id = node.properties.id;
    if (node.tagName !== 'article' || typeof id !== 'string' || !id.startsWith('claim-')) {
      return undefined;
    }
    const assessment = node.children.find(
      (child): child is Element =>
        child.type === 'element' &&
        Array.isArray(child.properties.className) &&
        child.properties.className.includes('claim-assessment'),
    );
    const children: ElementContent[] = assessment?.children ?? [];
    assessments.set(id.slice('claim-'.length), stringify({ type: 'root', children }).trim());
    return undefined;
  });
  return assessments;
}

/** Frontmatter without its optional `id`: the resolved id is set separately. */
function omitId<Frontmatter extends { id?: string | undefined }>(
  frontmatter: Frontmatter,
): Omit<Frontmatter, 'id'> {
  const copy: Frontmatter = { ...frontmatter };
  delete copy.id;
  return copy;
}
