/**
 * Digest files written by tests that need more digests than the fixture content has: each cites
 * the fixture's ICRC statement, so it links into that content without an entity or source of
 * its own.
 */
export function generatedDigest(digest: {
  title: string;
  /** `YYYY-MM-DD`: the event date and the publication date. */
  date: string;
  conclusion: string;
  /** The Markdown after the frontmatter. */
  body: string;
}): string {
  return [
    '---',
    `title: ${digest.title}`,
    `eventDate: ${digest.date}`,
    `published: ${digest.date}`,
    `conclusion: ${digest.conclusion}`,
    'status: published',
    'sources:',
    '  - id: icrc-statement-2025-06-16',
    '    title: ICRC statement on visits to prisoners of war',
    '    publisher: International Committee of the Red Cross',
    '    url: https://icrc.example/statement-2025-06-16',
    '    published: 2025-06-16',
    '---',
    '',
    digest.body,
  ].join('\n');
}
