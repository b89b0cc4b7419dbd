/**
 * `pnpm check [--content DIR] [--format pretty|github|json]`: validates every digest, entity and
 * source with the parser and prints every problem found, not just the first.
 * Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 bad usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors, loadContent, type Diagnostic } from '@fact-digest/parser';
import { contentDir as defaultContentDir } from '../index.ts';
import { displayPath, type CommandIO } from './command-io.ts';

const formats = ['pretty', 'github', 'json'] as const;
type OutputFormat = (typeof formats)[number];

const usage = 'Usage: pnpm check [--content DIR] [--format pretty|github|json]';

function isOutputFormat(value: string): value is OutputFormat {
  return (formats as readonly string[]).includes(value);
}

export async function runCheck(argv: string[], io: CommandIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { content: { type: 'string' }, format: { type: 'string', default: 'pretty' } },
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!isOutputFormat(values.format)) {
    io.stderr(`Unknown --format ${values.format}: use pretty, github or json.\n${usage}`);
    return 2;
  }
  const contentDir = path.resolve(io.cwd, values.content ?? defaultContentDir);
  const content = await loadContent(contentDir);

  // Diagnostics name files relative to the content directory; editors and CI annotations need
  // them relative to where the command runs.
  const located: Diagnostic[] = content.diagnostics.map((diagnostic) => ({
    ...diagnostic,
    file: displayPath(io, path.join(contentDir, diagnostic.file)),
  }));

  if (values.format === 'json') {
    io.stdout(JSON.stringify(located, null, 2));
  } else {
    for (const diagnostic of located) io.stdout(formatDiagnostic(diagnostic, values.format));
  }

  const errors = located.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = located.length - errors;
  const checked = `${content.digests.length} digests, ${content.entities.length} entities, ${content.sources.length} sources`;
  io.stderr(
    errors + warnings === 0
      ? `Checked ${checked}: no problems.`
      : `Checked ${checked}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
  );
  return hasErrors(content.diagnostics) ? 1 : 0;
}
