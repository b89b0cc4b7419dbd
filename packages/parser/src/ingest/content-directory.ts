/**
 * Reads what ingest needs to know about a content directory: the entity registry (entities/*.md
 * frontmatter), the content hashes of the archived sources and the ids already taken.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { entityFrontmatterSchema } from '../format/schema.ts';
import type { EntityRegistry, RegistryEntity } from './entity-registry.ts';
import type { ExistingContent } from './plan-ingest.ts';

export interface ContentDirectoryState {
  registry: EntityRegistry;
  existing: ExistingContent;
  /** Entity files that could not be read, so the editor knows why a name did not match. */
  problems: string[];
}

async function markdownFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Frontmatter (parsed YAML) and the body after it; a file without frontmatter is all body. */
function splitFrontmatter(text: string): { frontmatter: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) return { frontmatter: undefined, body: text };
  return { frontmatter: parse(match[1] ?? ''), body: text.slice(match[0].length) };
}

export async function readContentDirectory(contentDir: string): Promise<ContentDirectoryState> {
  const problems: string[] = [];
  const registry: RegistryEntity[] = [];
  const entitiesDir = path.join(contentDir, 'entities');
  for (const name of await markdownFiles(entitiesDir)) {
    const file = path.join(entitiesDir, name);
    try {
      const parsed = entityFrontmatterSchema.safeParse(
        splitFrontmatter(await readFile(file, 'utf8')).frontmatter,
      );
      if (!parsed.success) {
        problems.push(
          `entities/${name}: not a valid entity (${parsed.error.issues[0]?.message ?? 'invalid'}); skipped`,
        );
        continue;
      }
      const { id, name: entityName, kind, aliases } = parsed.data;
      registry.push({ id: id ?? name.replace(/\.md$/, ''), name: entityName, kind, aliases });
    } catch (error) {
      problems.push(`entities/${name}: ${(error as Error).message}; skipped`);
    }
  }

  const sourceHashes = new Map<string, string>();
  const sourceIds = new Set<string>();
  for (const name of await markdownFiles(path.join(contentDir, 'sources'))) {
    const relative = `sources/${name}`;
    sourceIds.add(name.replace(/\.md$/, ''));
    const { body } = splitFrontmatter(await readFile(path.join(contentDir, relative), 'utf8'));
    // Hash the body itself rather than trust the frontmatter, so an edited archive still counts.
    sourceHashes.set(`sha256-${createHash('sha256').update(body, 'utf8').digest('hex')}`, relative);
  }
  const digestIds = new Set(
    (await markdownFiles(path.join(contentDir, 'digests'))).map((name) =>
      name.replace(/\.md$/, ''),
    ),
  );
  return { registry, existing: { sourceHashes, sourceIds, digestIds }, problems };
}
