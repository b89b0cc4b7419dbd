/**
 * Finds every relative link between content files (`./other-digest.md#claim`,
 * `../entities/x.md`) and the `archived` paths of a digest's sources. Each link's URL becomes a
 * placeholder (`xref:<n>`), because the target's id and existence are only known once every file
 * has been parsed: `linkContent` resolves the placeholders to site URLs.
 */
import { posix } from 'node:path';
import type { Definition, Link, Nodes, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { startOf } from '../diagnostics/report.ts';
import type { Position } from '../model.ts';
import { walkTree } from '../render/walk-tree.ts';
import { urlScheme } from './remark-content-safety.ts';

/** URL scheme of the placeholders; the sanitiser allows it, editors cannot write it. */
export const placeholderScheme = 'xref';

/** A link to another content file, not yet resolved to the target's id. */
export interface PendingCrossReference {
  /** The link's href is `xref:<placeholder>` until resolved; absent for frontmatter paths. */
  placeholder?: number;
  /** Target path relative to the content directory (`digests/x.md`), or as written when it leaves it. */
  targetPath: string;
  /** The `#fragment`, naming a claim of the target digest. */
  fragment?: string;
  /** The claim block the link is in. */
  fromClaimId?: string;
  text: string;
  position: Position;
  /** `body`: written by the editor; `claim-source`: the generated source link of a claim; `frontmatter`: a source's `archived`. */
  origin: 'body' | 'claim-source' | 'frontmatter';
  /** For `frontmatter` references: the index in `sources`. */
  sourceIndex?: number;
}

declare module 'vfile' {
  interface DataMap {
    crossReferences: PendingCrossReference[];
  }
}

/** True for a URL that is a relative path (not a scheme, a site path or a fragment). */
export function isRelativePath(url: string): boolean {
  return url !== '' && urlScheme(url) === undefined && !/^[/#?]/.test(url);
}

export function remarkCrossReferences() {
  return (tree: Root, file: VFile): undefined => {
    const contentPath = file.data.contentPath ?? file.path;
    const references: PendingCrossReference[] = [];
    file.data.crossReferences = references;
    const directory = posix.dirname(contentPath);

    walkTree<Nodes>(tree, (node, ancestors) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      if (!isRelativePath(node.url)) return;
      const claim = ancestors.find(
        (ancestor): ancestor is ContainerDirective =>
          ancestor.type === 'containerDirective' && ancestor.name === 'claim',
      );
      const reference: PendingCrossReference = {
        placeholder: references.length,
        ...resolveTarget(directory, node.url),
        text: node.type === 'link' ? toString(node) : ((node as Definition).label ?? ''),
        position: startOf(node),
        origin: (node as Link).data?.generated ? 'claim-source' : 'body',
      };
      const claimId = claim?.attributes?.id;
      if (claimId) reference.fromClaimId = claimId;
      references.push(reference);
      node.url = `${placeholderScheme}:${reference.placeholder}`;
    });

    const sources = file.data.digestFrontmatter?.sources ?? [];
    const positions = file.data.frontmatterPositions?.sources ?? [];
    sources.forEach((source, index) => {
      if (source.archived === undefined) return;
      references.push({
        ...resolveTarget(directory, source.archived),
        text: source.title,
        position: positions[index]?.archived ?? { line: 1, column: 1 },
        origin: 'frontmatter',
        sourceIndex: index,
      });
    });
  };
}

function resolveTarget(
  directory: string,
  url: string,
): Pick<PendingCrossReference, 'targetPath' | 'fragment'> {
  const hashIndex = url.indexOf('#');
  const path = hashIndex === -1 ? url : url.slice(0, hashIndex);
  const fragment = hashIndex === -1 ? undefined : url.slice(hashIndex + 1);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape stays as written; the link is then reported as missing.
  }
  const targetPath = posix.normalize(posix.join(directory, decoded));
  return fragment === undefined || fragment === '' ? { targetPath } : { targetPath, fragment };
}
