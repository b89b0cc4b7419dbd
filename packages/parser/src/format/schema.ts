/**
 * The digest format's frontmatter schemas: the single source of truth for what an editor may
 * write in the YAML block of a digest, an entity or an archived source. Types are inferred from
 * the schemas, so documentation, validation and code cannot drift apart.
 */
import { z } from 'zod';

/** Lower-case words joined by hyphens: used for every id (digests, claims, entities, sources, tags). */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const id = z.string().regex(idPattern, {
  message: 'must be lower-case letters, digits and single hyphens (for example `june-12-exchange`)',
});

/** A calendar date, `YYYY-MM-DD`, that exists (no 30 February). */
export const calendarDate = z.iso.date({
  message: 'must be a real calendar date written as YYYY-MM-DD',
});

/** A date, or a date and time with a time zone (`2025-06-14` or `2025-06-14T18:00:00+03:00`). */
export const timestamp = z.union([calendarDate, z.iso.datetime({ offset: true })], {
  message: 'must be a date (YYYY-MM-DD) or a date-time with a time zone (YYYY-MM-DDTHH:MM:SSZ)',
});

/** Only web links may be published: no `javascript:`, `data:` or `vbscript:` URLs. */
export const webUrl = z.url({
  protocol: /^https?$/,
  message: 'must be an absolute http(s) URL',
});

export const sourceReferenceSchema = z.strictObject({
  /** Id the claims of this digest use in `source=`. */
  id,
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** Where the source was published; optional when only an archived copy exists. */
  url: webUrl.optional(),
  /** Publication date of the source itself. */
  published: timestamp,
  /** Relative link to the archived copy under `content/sources/`. */
  archived: z
    .string()
    // No scheme, no site path, and no whitespace or control characters (which browsers drop,
    // turning `java\tscript:` into a scheme): write a space as %20.
    // eslint-disable-next-line no-control-regex -- control characters are what is excluded
    .regex(/^(?![a-zA-Z][a-zA-Z0-9+.-]*:|[/\\#?])[^\s\u0000-\u001f\u007f]+$/, {
      message: 'must be a relative path to the archived copy, such as `../sources/<id>.md`',
    })
    .optional(),
});

export const correctionSchema = z.strictObject({
  date: calendarDate,
  /** What changed and why, in the editor's words. */
  note: z.string().min(1),
});

export const digestStatuses = ['draft', 'published'] as const;

export const digestFrontmatterSchema = z.strictObject({
  /** Defaults to the file name without `.md`. */
  id: id.optional(),
  title: z.string().min(1),
  /** The date of the events the digest covers. */
  eventDate: calendarDate,
  /** When the digest was first published. */
  published: timestamp,
  /** When it last changed in substance; must not be before `published`. */
  updated: timestamp.optional(),
  /** The editor's one-sentence conclusion. */
  conclusion: z.string().min(1),
  status: z.enum(digestStatuses),
  sources: z.array(sourceReferenceSchema).min(1),
  tags: z.array(id).default([]),
  corrections: z.array(correctionSchema).default([]),
  /** Editor-only notes (never published): open questions, proposed entities. */
  notes: z.array(z.string()).default([]),
});

export const entityKinds = ['person', 'organization', 'place', 'event'] as const;

export const entityFrontmatterSchema = z.strictObject({
  /** Defaults to the file name without `.md`. */
  id: id.optional(),
  name: z.string().min(1),
  kind: z.enum(entityKinds),
  /** Other names, in any script, matched in digest text as mentions. */
  aliases: z.array(z.string().min(1)).default([]),
  /** One line. */
  description: z.string().min(1),
  /** Wikidata item id, such as `Q3874799`. */
  wikidata: z
    .string()
    .regex(/^Q[1-9][0-9]*$/, { message: 'must be a Wikidata item id such as Q3874799' })
    .optional(),
});

export const archivedSourceFrontmatterSchema = z.strictObject({
  /** Defaults to the file name without `.md`. */
  id: id.optional(),
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: webUrl.optional(),
  /** The feed the text arrived through. */
  feed: z
    .strictObject({
      title: z.string().min(1),
      url: webUrl.optional(),
    })
    .optional(),
  /** Publication date of the source. */
  published: timestamp,
  /** When we received it. */
  received: calendarDate,
  /** `sha256-` and the hex SHA-256 of the archived text (the body after the frontmatter). */
  contentHash: z.string().regex(/^sha256-[0-9a-f]{64}$/, {
    message: 'must be `sha256-` followed by 64 lower-case hex digits',
  }),
});

export type SourceReference = z.infer<typeof sourceReferenceSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type DigestStatus = (typeof digestStatuses)[number];
export type DigestFrontmatter = z.infer<typeof digestFrontmatterSchema>;
export type EntityKind = (typeof entityKinds)[number];
export type EntityFrontmatter = z.infer<typeof entityFrontmatterSchema>;
export type ArchivedSourceFrontmatter = z.infer<typeof archivedSourceFrontmatterSchema>;
