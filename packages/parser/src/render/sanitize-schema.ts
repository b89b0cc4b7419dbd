/**
 * The rehype-sanitize schema: GitHub's default, extended only for the claim markup
 * (`article`, `time`, the claim classes) and for cross-reference placeholders (`xref:`).
 */
import { defaultSchema } from 'rehype-sanitize';
import { verdictIds } from '../format/verdicts.ts';
import { placeholderScheme } from '../plugins/remark-cross-references.ts';

type Schema = typeof defaultSchema;

const claimClasses = ['claim', 'claim-invalid', ...verdictIds.map((id) => `verdict-${id}`)];

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Claim anchors must stay `claim-<id>`; editors cannot write ids (raw HTML is not rendered),
  // and footnote ids are already prefixed by remark-rehype.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'article', 'time'],
  attributes: {
    ...defaultSchema.attributes,
    article: ['id', ['className', ...claimClasses]],
    div: [
      ...(defaultSchema.attributes?.div ?? []),
      ['className', ...claimClasses, 'claim-assessment'],
    ],
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'claim-verdict', 'claim-meta']],
    blockquote: [...(defaultSchema.attributes?.blockquote ?? []), ['className', 'claim-quote']],
    time: ['dateTime'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: [...(defaultSchema.protocols?.href ?? []), placeholderScheme],
  },
};
