/**
 * Fixture folders: `fixtures/<case>/input.md` (a digest unless `path.txt` says where it goes), any
 * extra content files of the case under `digests/`, `entities/`, `sources/`, plus the shared
 * entities and sources in `fixtures/_shared/`. Expected output sits beside the input:
 * `diagnostics.txt` (pretty format) and `output.html` (the input's rendered HTML).
 * Regenerate with `UPDATE_FIXTURES=1`; never edit expectations to match without reading them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostics, processContent, type ContentFile } from '../src/index.ts';

const contentFolders = ['digests', 'entities', 'sources'];

function readContentFiles(dir: string): ContentFile[] {
  return contentFolders.flatMap((folder) =>
    existsSync(join(dir, folder))
      ? readdirSync(join(dir, folder))
          .filter((name) => name.endsWith('.md'))
          .sort()
          .map((name) => ({
            path: `${folder}/${name}`,
            value: readFileSync(join(dir, folder, name), 'utf8'),
          }))
      : [],
  );
}

export const fixturesDir = fileURLToPath(new URL('fixtures', import.meta.url));

export function runFixture(name: string) {
  const dir = join(fixturesDir, name);
  const inputPath = existsSync(join(dir, 'path.txt'))
    ? readFileSync(join(dir, 'path.txt'), 'utf8').trim()
    : 'digests/input.md';
  const own = readContentFiles(dir);
  const ownPaths = new Set([inputPath, ...own.map((file) => file.path)]);
  const shared = readContentFiles(join(fixturesDir, '_shared')).filter(
    (file) => !ownPaths.has(file.path),
  );
  // The input as bytes, as `loadContent` reads it, so `encoding-invalid` can be triggered.
  const input = { path: inputPath, bytes: readFileSync(join(dir, 'input.md')) };
  const content = processContent([...shared, ...own, input]);
  const html =
    content.digests.find((digest) => digest.file === inputPath)?.html ??
    content.entities.find((entity) => entity.file === inputPath)?.html;
  return { content, diagnostics: formatDiagnostics(content.diagnostics, 'pretty'), html };
}

export const fixtureNames = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(fixturesDir, entry.name, 'input.md')))
  .map((entry) => entry.name)
  .sort();
