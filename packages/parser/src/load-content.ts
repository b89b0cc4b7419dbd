/**
 * Reading a whole content directory: phase 1 for every file (entities first, because digests are
 * matched against them), then phase 2.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { createEntityRegistry } from './pipeline/entity-registry.ts';
import { linkContent, type ContentSet, type LinkOptions } from './pipeline/link-content.ts';
import {
  parseContentFile,
  type ContentFile,
  type ContentFileBytes,
  type ParsedContentFile,
} from './pipeline/parse-content-file.ts';
import { readContentFiles } from './read-content-files.ts';

export interface Options extends LinkOptions {
  /**
   * Diagnostics name files relative to this directory. Default: the content directory's parent,
   * so they read `content/digests/x.md` from the repository root.
   */
  diagnosticRoot?: string;
}

/** Parses and links in-memory files; paths are relative to the content directory (`digests/x.md`). */
export function processContent(
  files: readonly (ContentFile | ContentFileBytes)[],
  options: LinkOptions = {},
): ContentSet {
  const entityResults = files
    .filter((file) => file.path.startsWith('entities/'))
    .map((file) => parseContentFile(file));
  const registry = createEntityRegistry(
    entityResults.flatMap((result) =>
      result.kind === 'entity' && result.entity ? [result.entity] : [],
    ),
  );
  const otherResults: ParsedContentFile[] = files
    .filter((file) => !file.path.startsWith('entities/'))
    .map((file) => parseContentFile(file, { entities: registry }));
  return linkContent([...entityResults, ...otherResults], options);
}

/** Reads `digests/`, `entities/` and `sources/` under `contentDir` and processes every `.md` file. */
export async function loadContent(contentDir: string, options: Options = {}): Promise<ContentSet> {
  const root = resolve(contentDir);
  const files = await readContentFiles(root);
  const content = processContent(files, options);
  const prefix = relative(resolve(options.diagnosticRoot ?? dirname(root)), root)
    .split(sep)
    .join('/');
  for (const diagnostic of content.diagnostics) {
    diagnostic.file = prefix === '' ? diagnostic.file : `${prefix}/${diagnostic.file}`;
  }
  return content;
}
