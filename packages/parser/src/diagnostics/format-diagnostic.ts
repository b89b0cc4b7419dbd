import type { Diagnostic } from './diagnostic.ts';

export type DiagnosticFormat = 'pretty' | 'github' | 'json';

/**
 * One diagnostic as a line of text:
 * - `pretty`: `file:line:col  severity  message  rule-id`, the shape editors make clickable;
 * - `github`: a GitHub Actions workflow command that annotates the pull request;
 * - `json`: the diagnostic as one JSON object.
 */
export function formatDiagnostic(diagnostic: Diagnostic, format: DiagnosticFormat): string {
  const { file, line, column, severity, message, ruleId } = diagnostic;
  switch (format) {
    case 'pretty':
      return `${file}:${line}:${column}  ${severity}  ${message}  ${ruleId}`;
    case 'github':
      return `::${severity} file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(ruleId)}::${escapeData(message)}`;
    case 'json':
      return JSON.stringify({ file, line, column, severity, message, ruleId });
  }
}

/** All diagnostics, one per line (`json` gives one JSON array). */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
): string {
  if (format === 'json') {
    return JSON.stringify(
      diagnostics.map((diagnostic) => JSON.parse(formatDiagnostic(diagnostic, 'json')) as unknown),
      null,
      2,
    );
  }
  return diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, format)).join('\n');
}

// Escaping as GitHub's workflow-command parser expects (actions/toolkit, command.ts).
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
