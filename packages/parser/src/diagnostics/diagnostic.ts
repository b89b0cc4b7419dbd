import { rules, type RuleId, type Severity } from './rules.ts';

/**
 * One problem found in the content, positioned for an editor and a CI annotation.
 *
 * `file` is the path as the caller gave it: `processContent` keeps the content-relative path
 * (`digests/x.md`), `loadContent` makes it relative to the content directory's parent
 * (`content/digests/x.md`) so it can be clicked from the repository root.
 */
export interface Diagnostic {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: Severity;
  /** What is wrong and how to fix it. */
  message: string;
  ruleId: RuleId;
}

export function createDiagnostic(
  ruleId: RuleId,
  file: string,
  position: { line: number; column: number },
  message: string,
): Diagnostic {
  return {
    file,
    line: position.line,
    column: position.column,
    severity: rules[ruleId].severity,
    message,
    ruleId,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** Stable order: by file, then position, then rule, so output does not depend on file order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

/** Code-point order, independent of the locale the build runs in. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
