/**
 * Turns each `:::claim{…}` block of a digest into a typed `Claim` on `file.data.claims` and into
 * the claim markup: an `<article id="claim-<id>">` with the verdict as a text label, the claimant,
 * the date, the source, the quote as a blockquote and the assessment.
 */
import type { Blockquote, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report, startOf } from '../diagnostics/report.ts';
import { suggestionText } from '../diagnostics/suggest-name.ts';
import { calendarDate, idPattern, type SourceReference } from '../format/schema.ts';
import { getVerdict, isVerdictId, verdictIds } from '../format/verdicts.ts';
import type { Claim, Position } from '../model.ts';
import { element, hastContent, text } from '../render/hast-content.ts';
import { walkTree } from '../render/walk-tree.ts';

export interface Options {
  /** Display names of entities by id, for the claimant line (the id is shown when unknown). */
  entityNames: ReadonlyMap<string, string>;
}

declare module 'vfile' {
  interface DataMap {
    /** The claims of a digest in document order; `assessmentHtml` is filled in after rendering. */
    claims: Claim[];
    /**
     * Every claim id declared in the digest, valid claim or not, so links to a claim that has
     * its own problem are not reported a second time as links to a missing claim.
     */
    claimIds: string[];
    /**
     * Where the quote (first blockquote) of each claim block with an id starts, by claim id,
     * valid claim or not; a later block with the same id wins.
     */
    quotePositions: Record<string, Position>;
  }
}

const requiredAttributes = ['id', 'claimant', 'source', 'date', 'verdict'] as const;
const knownAttributes = [...requiredAttributes, 'about'];

export function remarkClaims(options: Options) {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value);
    const digestId = file.data.contentId ?? '';
    const sources = file.data.digestFrontmatter?.sources;
    const claims: Claim[] = [];
    const seen = new Map<string, Position>();
    const claimIds: string[] = [];
    const quotePositions: Record<string, Position> = {};
    file.data.claims = claims;
    file.data.claimIds = claimIds;
    file.data.quotePositions = quotePositions;

    walkTree<Nodes>(tree, (node) => {
      if (node.type !== 'containerDirective' || node.name !== 'claim') return;
      const position = startOf(node);
      const attributes = node.attributes ?? {};
      const at = (name: string): Position => attributePosition(source, node, name);
      let complete = true;

      for (const name of Object.keys(attributes)) {
        if (!knownAttributes.includes(name)) {
          report(
            file,
            'claim-attribute-unknown',
            at(name),
            `Unknown claim attribute \`${name}\`: ${suggestionText(name, knownAttributes)}`,
          );
        }
      }
      for (const name of requiredAttributes) {
        const value = attributes[name];
        if (value === undefined || value === null || value === '') {
          complete = false;
          const example = name === 'id' ? '#my-claim' : `${name}=…`;
          report(
            file,
            'claim-attribute-missing',
            position,
            `Claim ${attributes.id ? `\`${attributes.id}\` ` : ''}has no \`${name === 'id' ? '#id' : name}\`: add \`${example}\` to the \`:::claim{…}\` line.`,
          );
        }
      }
      const id = attributes.id ?? '';
      const claimant = attributes.claimant ?? '';
      const sourceId = attributes.source ?? '';
      const date = attributes.date ?? '';
      const verdict = attributes.verdict ?? '';

      for (const [name, value] of [
        ['id', id],
        ['claimant', claimant],
        ['source', sourceId],
      ] as const) {
        if (value !== '' && !idPattern.test(value)) {
          complete = false;
          report(
            file,
            'claim-attribute-invalid',
            at(name),
            `Claim ${name} \`${value}\` is not a valid id: use lower-case words joined by hyphens.`,
          );
        }
      }
      if (id !== '') {
        const first = seen.get(id);
        if (first) {
          complete = false;
          report(
            file,
            'claim-id-duplicate',
            at('id'),
            `Claim id \`${id}\` is already used at line ${first.line}: give this claim a different \`#id\`.`,
          );
        } else {
          seen.set(id, position);
          claimIds.push(id);
        }
      }
      if (date !== '' && !calendarDate.safeParse(date).success) {
        complete = false;
        report(
          file,
          'date-invalid',
          at('date'),
          `Claim date \`${date}\` is not a real calendar date: write it as YYYY-MM-DD.`,
        );
      }
      if (verdict !== '' && !isVerdictId(verdict)) {
        complete = false;
        report(
          file,
          'claim-verdict-unknown',
          at('verdict'),
          `Unknown verdict \`${verdict}\`: ${suggestionText(verdict, verdictIds)} (the verdict scale is in content/README.md).`,
        );
      }
      const sourceReference = sources?.find((candidate) => candidate.id === sourceId);
      if (sources && sourceId !== '' && !sourceReference) {
        report(
          file,
          'claim-source-unknown',
          at('source'),
          `Claim source \`${sourceId}\` is not one of this digest's sources (${sources
            .map((candidate) => `\`${candidate.id}\``)
            .join(', ')}): use one of those ids or add the source to \`sources\`.`,
        );
      }

      const quoteIndex = node.children.findIndex((child) => child.type === 'blockquote');
      const quoteNode = node.children[quoteIndex] as Blockquote | undefined;
      const quoteStart = quoteNode?.position?.start;
      if (attributes.id && quoteStart) {
        quotePositions[attributes.id] = { line: quoteStart.line, column: quoteStart.column };
      }
      if (!quoteNode) {
        complete = false;
        report(
          file,
          'claim-quote-missing',
          position,
          `Claim ${id ? `\`${id}\` ` : ''}has no quote: put the claim, word for word, in a \`>\` blockquote inside the block.`,
        );
      }
      const about = (attributes.about ?? '').split(/\s+/).filter((entityId) => entityId !== '');
      const assessment = node.children.filter((_, index) => index !== quoteIndex);

      if (complete && quoteNode && isVerdictId(verdict)) {
        claims.push({
          id,
          digestId,
          quote: quoteNode.children.map((child) => toString(child)).join('\n'),
          claimant,
          source: sourceId,
          date,
          verdict,
          about,
          assessmentHtml: '',
          position,
        });
        renderClaim(node, {
          id,
          verdict,
          claimant,
          claimantName: options.entityNames.get(claimant) ?? claimant,
          date,
          source: sourceReference,
          sourceId,
          quote: quoteNode,
          assessment,
        });
      } else {
        // Invalid claims still show their content, so nothing the editor wrote disappears.
        node.data = { hName: 'div', hProperties: { className: ['claim', 'claim-invalid'] } };
      }
    });
  };
}

interface ClaimMarkup {
  id: string;
  verdict: Claim['verdict'];
  claimant: string;
  claimantName: string;
  date: string;
  source: SourceReference | undefined;
  sourceId: string;
  quote: Blockquote;
  assessment: RootContent[];
}

function renderClaim(node: ContainerDirective, claim: ClaimMarkup): void {
  const label = getVerdict(claim.verdict).label;
  node.data = {
    hName: 'article',
    hProperties: { id: `claim-${claim.id}`, className: ['claim', `verdict-${claim.verdict}`] },
  };
  const verdictLine = hastContent([
    element('p', { className: ['claim-verdict'] }, [
      text('Verdict: '),
      element('strong', {}, [text(label)]),
    ]),
  ]);
  const metaLine: Paragraph = {
    type: 'paragraph',
    data: { hProperties: { className: ['claim-meta'] }, generated: true },
    children: [...claimantAndDate(claim), ...sourceCitation(claim)],
  };
  claim.quote.data = { ...claim.quote.data, hProperties: { className: ['claim-quote'] } };
  const assessment: ContainerDirective = {
    type: 'containerDirective',
    name: 'claim-assessment',
    attributes: {},
    data: {
      hName: 'div',
      hProperties: { className: ['claim-assessment'] },
      claimAssessment: claim.id,
    },
    children: claim.assessment as ContainerDirective['children'],
  };
  node.children = [verdictLine, metaLine, claim.quote, assessment];
}

declare module 'mdast' {
  interface Data {
    /** Set on the assessment part of a claim block: the claim's id. */
    claimAssessment?: string;
    /** Set on nodes the parser generates (claim labels, source links): not the editor's text. */
    generated?: boolean;
  }
}

/**
 * "Claimed by <claimant> on <date> in ", as hast (see hast-content.ts). The claimant's link is an
 * entity page (an id, so no URL escaping applies) and the date a checked YYYY-MM-DD; a name with
 * a line break stays Markdown, since remark-rehype trims spaces around line breaks in text.
 */
function claimantAndDate(claim: ClaimMarkup): PhrasingContent[] {
  const href = `/entities/${claim.claimant}/`;
  if (/[\r\n]/.test(claim.claimantName)) {
    return [
      { type: 'text', value: 'Claimed by ' },
      { type: 'link', url: href, children: [{ type: 'text', value: claim.claimantName }] },
      { type: 'text', value: ' on ' },
      {
        type: 'emphasis',
        data: { hName: 'time', hProperties: { dateTime: claim.date } },
        children: [{ type: 'text', value: claim.date }],
      },
      { type: 'text', value: ' in ' },
    ];
  }
  return [
    hastContent([
      text('Claimed by '),
      element('a', { href }, [text(claim.claimantName)]),
      text(' on '),
      element('time', { dateTime: claim.date }, [text(claim.date)]),
      text(' in '),
    ]),
  ];
}

/** The source title, linked to its archived copy when there is one, else to its URL. */
function sourceCitation(claim: ClaimMarkup): PhrasingContent[] {
  const source = claim.source;
  if (!source) return [{ type: 'text', value: claim.sourceId }];
  const title: PhrasingContent = { type: 'text', value: source.title };
  const target = source.archived ?? source.url;
  const linked: PhrasingContent =
    target === undefined
      ? title
      : { type: 'link', url: target, data: { generated: true }, children: [title] };
  return [linked, { type: 'text', value: ` (${source.publisher})` }];
}

/** The position of `name=` (or `#` for the id) on the claim's opening line. */
function attributePosition(source: string, node: ContainerDirective, name: string): Position {
  const start = node.position?.start;
  if (start?.offset === undefined) return startOf(node);
  const lineEnd = source.indexOf('\n', start.offset);
  const line = source.slice(start.offset, lineEnd === -1 ? undefined : lineEnd);
  const pattern = name === 'id' ? /[{\s]#/ : new RegExp(`[{\\s]${name}\\s*=`);
  const match = pattern.exec(line);
  return match ? { line: start.line, column: start.column + match.index + 1 } : startOf(node);
}
