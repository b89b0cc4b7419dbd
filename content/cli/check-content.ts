/**
 * `pnpm check [--content DIR] [--format pretty|github|json]`: validates every digest, entity and
 * source with the parser and prints every problem found, not just the first.
 * Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 bad usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors, loadContent } from '@fact-digest/parser';
import { contentDir as defaultContentDir } from '../index.ts';
import type { CommandIO } from './command-io.ts';

const formats = ['pretty', 'github', 'json'] as const;
type OutputFormat = (typeof formats)[number];

const usage = 'Usage: pnpm check [--content DIR] [--format pretty|github|json]';

function isOutputFormat(value: string): value is OutputFormat {
  return (formats as readonly string[]).includes(value);
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
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
  // Name files relative to where the command runs, so terminals and CI annotations can open them.
  let content;
  try {
    content = await loadContent(contentDir, { diagnosticRoot: io.cwd });
  } catch (error) {
    // Not a content directory, or one that cannot be read: nothing was checked.
    io.stderr((error as Error).message);
    return 2;
  }
  const located = content.diagnostics;

  if (values.format === 'json') {
    io.stdout(JSON.stringify(located, null, 2));
  } else {
    for (const diagnostic of located) io.stdout(formatDiagnostic(diagnostic, values.format));
  }

  const errors = located.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = located.length - errors;
  const checked = [
    count(content.digests.length, 'digest'),
    count(content.entities.length, 'entity', 'entities'),
    count(content.sources.length, 'source'),
  ].join(', ');
  const found =
    errors + warnings === 0
      ? 'no problems'
      : `${count(errors, 'error')}, ${count(warnings, 'warning')}`;
  io.stderr(`Checked ${checked}: ${found}.`);
  return hasErrors(content.diagnostics) ? 1 : 0;
}
