/** A source a generated digest lists beside the ICRC statement, archived as `sources/<id>.md`. */
export interface GeneratedSourceReference {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** `YYYY-MM-DD`. */
  published: string;
}

/**
 * Digest files written by tests that need more digests than the fixture content has: each cites
 * the fixture's ICRC statement, so it links into that content without an entity or source of
 * its own, and lists any further `sources` the test wrote.
 */
export function generatedDigest(digest: {
  title: string;
  /** `YYYY-MM-DD`: the event date and the publication date. */
  date: string;
  conclusion: string;
  /** The Markdown after the frontmatter. */
  body: string;
  sources?: readonly GeneratedSourceReference[];
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
    ...(digest.sources ?? []).flatMap((source) => [
      `  - id: ${source.id}`,
      `    title: ${source.title}`,
      `    publisher: ${source.publisher}`,
      `    url: ${source.url}`,
      `    published: ${source.published}`,
      `    archived: ../sources/${source.id}.md`,
    ]),
    '---',
    '',
    digest.body,
  ].join('\n');
}
