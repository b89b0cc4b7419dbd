/**
 * Finds entities named in a digest's text by their name or an alias, records them on
 * `file.data.entityMentions`, and adds entities named in a claim's quote to that claim's `about`.
 */
import type { Nodes, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { EntityMention, Position } from '../model.ts';
import type { EntityRegistry } from '../pipeline/entity-registry.ts';
import { walkTree } from '../render/walk-tree.ts';

export interface Options {
  registry: EntityRegistry;
}

declare module 'vfile' {
  interface DataMap {
    /** Mentions by name or alias, in document order. Mentions by link are added by `linkContent`. */
    entityMentions: EntityMention[];
  }
}

export function remarkEntityMentions(options: Options) {
  return (tree: Root, file: VFile): undefined => {
    const digestId = file.data.contentId ?? '';
    const claims = new Map((file.data.claims ?? []).map((claim) => [claim.id, claim]));
    const mentions: EntityMention[] = [];
    file.data.entityMentions = mentions;

    walkTree<Nodes>(tree, (node, ancestors) => {
      if (node.type !== 'text') return;
      if (ancestors.some((ancestor) => ancestor.data?.generated)) return;
      const matches = options.registry.findMentions(node.value);
      if (matches.length === 0) return;
      const claimNode = ancestors.find(
        (ancestor): ancestor is ContainerDirective =>
          ancestor.type === 'containerDirective' && ancestor.name === 'claim',
      );
      const claim = claimNode?.attributes?.id ? claims.get(claimNode.attributes.id) : undefined;
      const inQuote = ancestors.some((ancestor) => ancestor.type === 'blockquote');
      const start = node.position?.start;
      for (const match of matches) {
        const mention: EntityMention = {
          entityId: match.entityId,
          digestId,
          text: match.text,
          via: 'alias',
          position: start
            ? offsetPosition(node.value, match.offset, start)
            : { line: 1, column: 1 },
        };
        if (claim) {
          mention.claimId = claim.id;
          if (inQuote && !claim.about.includes(match.entityId)) claim.about.push(match.entityId);
        }
        mentions.push(mention);
      }
    });
  };
}

/** Line and column of an offset inside a text node that starts at `start`. */
function offsetPosition(value: string, offset: number, start: Position): Position {
  const before = value.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  if (lastNewline === -1) return { line: start.line, column: start.column + offset };
  const lines = before.split('\n').length - 1;
  return { line: start.line + lines, column: offset - lastNewline };
}
