/**
 * The diagnostic rules: every problem the parser reports has one of these stable ids, so editors
 * can look it up in content/README.md ("Diagnostic rules") and CI annotations stay comparable.
 */
export type Severity = 'error' | 'warning';

export interface Rule {
  severity: Severity;
  /** What the rule catches, in one line. */
  description: string;
  /** How to fix it, in one line. */
  fix: string;
}

export const rules = {
  'yaml-syntax': {
    severity: 'error',
    description: 'The frontmatter is not valid YAML.',
    fix: 'Correct the YAML at the position shown (indentation, unclosed brackets or quotes).',
  },
  'encoding-invalid': {
    severity: 'error',
    description: 'The file is not valid UTF-8 (bytes from another encoding, or a damaged file).',
    fix: 'Save the file as UTF-8 and retype the characters shown as U+FFFD.',
  },
  'frontmatter-missing': {
    severity: 'error',
    description: 'The file does not start with a `---` YAML frontmatter block.',
    fix: 'Start the file with `---`, the fields, and a closing `---` line.',
  },
  'field-missing': {
    severity: 'error',
    description: 'A required frontmatter field is missing.',
    fix: 'Add the field; content/README.md lists the required fields.',
  },
  'field-type': {
    severity: 'error',
    description: 'A frontmatter field has the wrong type or an invalid value.',
    fix: 'Write the value in the form the message asks for.',
  },
  'field-unknown': {
    severity: 'error',
    description: 'A frontmatter field is not part of the format (often a typo).',
    fix: 'Rename it to the field suggested, or remove it.',
  },
  'date-invalid': {
    severity: 'error',
    description: 'A date is malformed or does not exist (2025-02-30).',
    fix: 'Write a real calendar date as YYYY-MM-DD.',
  },
  'date-order': {
    severity: 'error',
    description: '`updated` is before `published`.',
    fix: 'Set `updated` to the date of the substantive change, on or after `published`.',
  },
  'id-duplicate': {
    severity: 'error',
    description: 'Two digests (or two entities, or two sources) have the same id.',
    fix: 'Give one of them a different file name or `id`.',
  },
  'file-unknown-kind': {
    severity: 'error',
    description: 'A Markdown file is outside `digests/`, `entities/` and `sources/`.',
    fix: 'Move it into the folder for its kind.',
  },
  'claim-id-duplicate': {
    severity: 'error',
    description: 'Two claims in one digest have the same `#id`.',
    fix: 'Give each claim of the digest its own id.',
  },
  'claim-attribute-missing': {
    severity: 'error',
    description: 'A claim lacks one of `#id`, `claimant`, `source`, `date`, `verdict`.',
    fix: 'Add the attribute to the `:::claim{…}` line.',
  },
  'claim-attribute-unknown': {
    severity: 'error',
    description: 'A claim has an attribute that is not part of the format (often a typo).',
    fix: 'Rename it to the attribute suggested, or remove it.',
  },
  'claim-attribute-invalid': {
    severity: 'error',
    description: 'A claim attribute value is malformed (an id with capitals or spaces).',
    fix: 'Use lower-case words joined by hyphens.',
  },
  'claim-quote-missing': {
    severity: 'error',
    description: 'A claim has no blockquote with the quoted claim.',
    fix: 'Put the claim, word for word, in a `>` blockquote as the first thing in the block.',
  },
  'claim-verdict-unknown': {
    severity: 'error',
    description: 'A claim verdict is not on the verdict scale.',
    fix: 'Use one of the verdict ids listed in content/README.md.',
  },
  'claim-source-unknown': {
    severity: 'error',
    description: "A claim's `source` is not among the digest's `sources`.",
    fix: 'Use the `id` of one of the sources in the frontmatter, or add the source there.',
  },
  'claim-quote-not-verbatim': {
    severity: 'error',
    description: "A claim's quote does not appear word for word in the archived source.",
    fix: 'Copy the quote exactly from the archived source (only whitespace may differ).',
  },
  'claim-pending': {
    severity: 'warning',
    description: 'A published digest has a claim with the verdict `pending`.',
    fix: 'Review the claim and give it a verdict.',
  },
  'entity-unknown': {
    severity: 'error',
    description: 'A claim names a claimant or `about` entity that is not in `entities/`.',
    fix: 'Use the id of an entity file, or add the entity to `entities/`.',
  },
  'entity-alias-collision': {
    severity: 'warning',
    description: 'Two entities share a name or alias, so mentions of it are ambiguous.',
    fix: 'Remove the alias from one entity or make it more specific.',
  },
  'source-unlocatable': {
    severity: 'warning',
    description: 'A source has neither `url` nor `archived`, so readers cannot find it.',
    fix: 'Add the `url` of the source or an `archived` copy.',
  },
  'source-hash-mismatch': {
    severity: 'error',
    description: "An archived source's text does not match its `contentHash`.",
    fix: 'Restore the archived text as received, or re-archive the source.',
  },
  'link-missing-file': {
    severity: 'error',
    description: 'A relative link points to a content file that does not exist.',
    fix: 'Correct the path (relative to the file the link is in) or create the file.',
  },
  'link-missing-claim': {
    severity: 'error',
    description: 'A link points to a claim anchor that does not exist in the target digest.',
    fix: 'Use the `#id` of one of the claims in the target digest.',
  },
  'link-to-draft': {
    severity: 'error',
    description: 'A published digest links to a draft, which is not on the site.',
    fix: 'Publish the target digest first, or remove the link.',
  },
  'url-unsafe': {
    severity: 'error',
    description: 'A link or image uses a `javascript:`, `data:` or `vbscript:` URL.',
    fix: 'Link to an http(s) address or a relative content file instead.',
  },
  'url-unsupported-scheme': {
    severity: 'error',
    description: 'A link or image uses a URL scheme the site does not publish (ftp:, file:).',
    fix: 'Use an http(s), mailto: or relative link.',
  },
  'html-raw': {
    severity: 'error',
    description: 'Raw HTML other than `<br>` and comments is not allowed.',
    fix: 'Write it in Markdown instead; the HTML is not rendered.',
  },
  'nesting-too-deep': {
    severity: 'error',
    description: 'Markdown is nested more than 100 levels deep; the deeper part is dropped.',
    fix: 'Flatten the nesting: no digest needs more than a few levels of lists or quotes.',
  },
  'directive-unknown': {
    severity: 'error',
    description: 'A directive other than `:::claim` is used.',
    fix: 'Use `:::claim{…}` for claims; write a literal colon as `\\:` if no directive is meant.',
  },
  'directive-unclosed': {
    severity: 'error',
    description: 'A `:::claim` block has no closing `:::` line.',
    fix: 'Add a line with `:::` where the claim block ends.',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;
