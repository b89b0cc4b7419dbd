import { expect, test } from 'vitest';
import { formatDiagnostic, formatDiagnostics, hasErrors, type Diagnostic } from '../src/index.ts';

const error: Diagnostic = {
  file: 'content/digests/a.md',
  line: 3,
  column: 12,
  severity: 'error',
  message: 'Claim date `2025-02-30` is not a real calendar date: write it as YYYY-MM-DD.',
  ruleId: 'date-invalid',
};
const warning: Diagnostic = {
  ...error,
  severity: 'warning',
  ruleId: 'claim-pending',
  message: 'a: b, 100%\nc',
};

test('pretty: file:line:col  severity  message  rule-id', () => {
  expect(formatDiagnostic(error, 'pretty')).toBe(
    'content/digests/a.md:3:12  error  Claim date `2025-02-30` is not a real calendar date: write it as YYYY-MM-DD.  date-invalid',
  );
});

test('github: a workflow command with escaped data and properties', () => {
  expect(formatDiagnostic(error, 'github')).toBe(
    '::error file=content/digests/a.md,line=3,col=12,title=date-invalid::Claim date `2025-02-30` is not a real calendar date: write it as YYYY-MM-DD.',
  );
  expect(formatDiagnostic({ ...warning, file: 'a,b:c.md' }, 'github')).toBe(
    '::warning file=a%2Cb%3Ac.md,line=3,col=12,title=claim-pending::a: b, 100%25%0Ac',
  );
});

test('json: one object per diagnostic, an array for many', () => {
  expect(JSON.parse(formatDiagnostic(error, 'json'))).toEqual(error);
  expect(JSON.parse(formatDiagnostics([error, warning], 'json'))).toEqual([error, warning]);
  expect(formatDiagnostics([error, error], 'pretty').split('\n')).toHaveLength(2);
});

test('hasErrors ignores warnings', () => {
  expect(hasErrors([warning])).toBe(false);
  expect(hasErrors([warning, error])).toBe(true);
});
