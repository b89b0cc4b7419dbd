/**
 * Reads the YAML frontmatter of a digest, an entity or an archived source, validates it with the
 * format's zod schema and stores the typed result on `file.data`. For archived sources it also
 * extracts the verbatim text and checks it against `contentHash`.
 */
import { createHash } from 'node:crypto';
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { report, startOf } from '../diagnostics/report.ts';
import {
  archivedSourceFrontmatterSchema,
  digestFrontmatterSchema,
  entityFrontmatterSchema,
  type ArchivedSourceFrontmatter,
  type DigestFrontmatter,
  type EntityFrontmatter,
} from '../format/schema.ts';
import { readFrontmatter, type FrontmatterReading } from '../frontmatter/read-frontmatter.ts';
import type { Position } from '../model.ts';

export type ContentKind = 'digest' | 'entity' | 'source';

/** A first line that opens frontmatter, for telling an unclosed block from a missing one. */
const openingFence = /^---[ \t]*(?:\r?\n|\r|$)/;

export interface Options {
  /** Which of the three content kinds the file is; decides the schema. */
  kind: ContentKind;
}

/** Where things were written in the frontmatter, for checks made after parsing. */
export interface FrontmatterPositions {
  /** The opening `---`. */
  start: Position;
  /** The `id` value when the frontmatter sets one, else the opening `---`. */
  id: Position;
  /** Per `sources[i]` of a digest: the entry and its `archived` value. */
  sources: { entry: Position; archived: Position }[];
  /** Per name of an entity: `name` first, then each alias. */
  entityNames: Position[];
}

declare module 'vfile' {
  interface DataMap {
    /** Content-relative path the caller gave, such as `digests/x.md`. */
    contentPath: string;
    /** Id of the digest, entity or source: frontmatter `id`, else the file name without `.md`. */
    contentId: string;
    digestFrontmatter: DigestFrontmatter;
    entityFrontmatter: EntityFrontmatter;
    archivedSourceFrontmatter: ArchivedSourceFrontmatter;
    /** The archived text of a source: everything after the closing `---` line. */
    archivedText: string;
    frontmatterPositions: FrontmatterPositions;
  }
}

/** `sha256-` and the hex SHA-256 of the UTF-8 text: the form of an archived source's `contentHash`. */
export function contentHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

export function remarkDigestFrontmatter(options: Options) {
  return (tree: Root, file: VFile): undefined => {
    const displayPath = file.data.contentPath ?? file.path;
    const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    const positions: FrontmatterPositions = {
      start: startOf(yamlNode),
      id: startOf(yamlNode),
      sources: [],
      entityNames: [],
    };
    file.data.frontmatterPositions = positions;
    if (!yamlNode) {
      report(
        file,
        'frontmatter-missing',
        { line: 1, column: 1 },
        openingFence.test(String(file.value))
          ? 'The frontmatter that starts here is never closed: add a `---` line after its last field.'
          : 'The file has no frontmatter: start it with a `---` line, the YAML fields, and a closing `---` line.',
      );
      if (options.kind === 'source') file.data.archivedText = String(file.value);
      return;
    }
    const block = { yaml: yamlNode.value, start: positions.start };

    if (options.kind === 'digest') {
      const reading = readFrontmatter(block, digestFrontmatterSchema, displayPath);
      reportAll(file, reading);
      const value = reading.value;
      if (!value) return;
      file.data.digestFrontmatter = value;
      if (value.id !== undefined) {
        file.data.contentId = value.id;
        positions.id = reading.locate(['id']);
      }
      positions.sources = value.sources.map((_, index) => ({
        entry: reading.locate(['sources', index]),
        archived: reading.locate(['sources', index, 'archived']),
      }));
      checkDates(file, value, reading);
      value.sources.forEach((source, index) => {
        if (source.url === undefined && source.archived === undefined) {
          report(
            file,
            'source-unlocatable',
            reading.locate(['sources', index]),
            `Source \`${source.id}\` has neither \`url\` nor \`archived\`: add one so readers can find it.`,
          );
        }
      });
    } else if (options.kind === 'entity') {
      const reading = readFrontmatter(block, entityFrontmatterSchema, displayPath);
      reportAll(file, reading);
      if (!reading.value) return;
      file.data.entityFrontmatter = reading.value;
      if (reading.value.id !== undefined) {
        file.data.contentId = reading.value.id;
        positions.id = reading.locate(['id']);
      }
      positions.entityNames = [
        reading.locate(['name']),
        ...reading.value.aliases.map((_, index) => reading.locate(['aliases', index])),
      ];
    } else {
      const text = archivedTextAfter(String(file.value), yamlNode);
      file.data.archivedText = text;
      const reading = readFrontmatter(block, archivedSourceFrontmatterSchema, displayPath);
      reportAll(file, reading);
      if (!reading.value) return;
      file.data.archivedSourceFrontmatter = reading.value;
      if (reading.value.id !== undefined) {
        file.data.contentId = reading.value.id;
        positions.id = reading.locate(['id']);
      }
      const actual = contentHash(text);
      if (actual !== reading.value.contentHash) {
        report(
          file,
          'source-hash-mismatch',
          reading.locate(['contentHash']),
          `The archived text does not match \`contentHash\` (the text hashes to \`${actual}\`): restore the text exactly as received, or re-archive the source if it was received again.`,
        );
      }
    }
  };
}

function reportAll(file: VFile, reading: FrontmatterReading<unknown>): void {
  for (const diagnostic of reading.diagnostics) {
    report(file, diagnostic.ruleId, diagnostic, diagnostic.message);
  }
}

function checkDates(
  file: VFile,
  value: DigestFrontmatter,
  reading: FrontmatterReading<DigestFrontmatter>,
): void {
  if (value.updated === undefined) return;
  if (isBefore(value.updated, value.published)) {
    report(
      file,
      'date-order',
      reading.locate(['updated']),
      `\`updated\` (${value.updated}) is before \`published\` (${value.published}): set it to the date of the change, on or after \`published\`.`,
    );
  }
}

/** Compares a date with a date-time by calendar day, two date-times by instant. */
function isBefore(a: string, b: string): boolean {
  if (a.length === 10 || b.length === 10) return a.slice(0, 10) < b.slice(0, 10);
  return Date.parse(a) < Date.parse(b);
}

/** The text after the line holding the closing `---` (the fence node ends on that line). */
export function archivedTextAfter(value: string, yamlNode: Yaml): string {
  const end = yamlNode.position?.end.offset ?? 0;
  const newline = value.indexOf('\n', end);
  return newline === -1 ? '' : value.slice(newline + 1);
}
