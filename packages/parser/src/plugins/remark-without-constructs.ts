/**
 * Drops GFM syntax constructs from the Markdown reader, for a document in which they cannot match
 * (`unmatchableGfmConstructs` says which). Use it right after remark-gfm.
 *
 * micromark attempts a construct wherever its first character occurs: GFM's table at the start of
 * every block, its email autolink at every letter and digit, its `www.` and `http(s):` autolinks at
 * every `w` and `h`. Each attempt reads ahead and gives up, which was more than a fifth of the time
 * a digest took to parse. A failed attempt leaves nothing behind (the text around it is merged back
 * into one run, and the block is read by the next construct), so where a construct cannot match,
 * a reader without it builds the same tree. Each condition below is a text that every match of the
 * construct contains (micromark-extension-gfm-table, micromark-extension-gfm-autolink-literal).
 */
import type { Data, Processor } from 'unified';
import { closedYamlFrontmatter } from '../frontmatter/closed-yaml-frontmatter.ts';

type MicromarkExtension = NonNullable<Data['micromarkExtensions']>[number];
type ConstructRecord = NonNullable<MicromarkExtension['text']>;
type Constructs = ConstructRecord[keyof ConstructRecord];

/** The GFM constructs this can drop, by their names in micromark's GFM extensions. */
export const droppableGfmConstructs = {
  /** A table needs a `|`, or a delimiter row aligned with `:` (`:-` or `-:`). */
  table: /\||:-|-:/,
  /** An email autolink needs its `@`. */
  emailAutolink: /@/,
  /** `www.example.org`, in any case. */
  wwwAutolink: /www\./i,
  /** `http://…` or `https://…`, in any case. */
  protocolAutolink: /https?:/i,
} as const;

export type DroppableGfmConstruct = keyof typeof droppableGfmConstructs;

export interface Options {
  /** Constructs to drop; only drop ones that cannot match the documents read. */
  constructs: readonly DroppableGfmConstruct[];
}

/** The construct hooks of a micromark extension (its other fields are not constructs). */
const constructHooks = ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'];

export function remarkWithoutConstructs(this: Processor, options: Options) {
  const data = this.data();
  const dropped = new Set<string>(options.constructs);
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) =>
    withoutConstructs(extension, dropped),
  );
}

/**
 * The GFM constructs that cannot match in `markdown`, a whole document. A closed YAML frontmatter
 * block is not Markdown (micromark reads it as one block, no text constructs inside), so only the
 * text after it is searched.
 */
export function unmatchableGfmConstructs(
  markdown: string,
  frontmatter = closedYamlFrontmatter(markdown),
): DroppableGfmConstruct[] {
  const body =
    frontmatter === undefined ? markdown : markdown.slice(frontmatter.position?.end.offset ?? 0);
  return (Object.keys(droppableGfmConstructs) as DroppableGfmConstruct[]).filter(
    (name) => !droppableGfmConstructs[name].test(body),
  );
}

function withoutConstructs(
  extension: MicromarkExtension,
  dropped: ReadonlySet<string>,
): MicromarkExtension {
  const result: MicromarkExtension = { ...extension };
  for (const hook of constructHooks as (keyof MicromarkExtension)[]) {
    const record = extension[hook] as ConstructRecord | null | undefined;
    if (record === undefined || record === null) continue;
    const kept: ConstructRecord = {};
    for (const [code, constructs] of Object.entries(record) as [string, Constructs][]) {
      if (constructs === undefined) continue;
      const list = (Array.isArray(constructs) ? constructs : [constructs]).filter(
        (construct) => construct.name === undefined || !dropped.has(construct.name),
      );
      if (list.length > 0) kept[code as unknown as number] = list;
    }
    (result as Record<string, unknown>)[hook] = kept;
  }
  return result;
}
