import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { rules, type RuleId } from '../src/index.ts';
import { runFixture } from './run-fixture.ts';

const ruleIds = Object.keys(rules).sort() as RuleId[];
const readme = readFileSync(
  fileURLToPath(new URL('../../../content/README.md', import.meta.url)),
  'utf8',
);

describe('every rule has a fixture that triggers it', () => {
  for (const ruleId of ruleIds) {
    test(ruleId, () => {
      const name = `rule-${ruleId}`;
      expect(existsSync(fileURLToPath(new URL(`fixtures/${name}/input.md`, import.meta.url)))).toBe(
        true,
      );
      const { content } = runFixture(name);
      const triggered = content.diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);
      expect(triggered.length).toBeGreaterThan(0);
      for (const diagnostic of triggered) {
        expect(diagnostic.severity).toBe(rules[ruleId].severity);
        expect(diagnostic.line).toBeGreaterThan(0);
        expect(diagnostic.column).toBeGreaterThan(0);
        // A message says what is wrong and, after a colon, how to fix it.
        expect(diagnostic.message).toMatch(/: \S/);
      }
    });
  }
});

describe('content/README.md documents every rule', () => {
  const start = readme.indexOf('\n## Diagnostic rules');
  const section = start === -1 ? '' : (readme.slice(start + 1).split(/\n## (?!#)/)[0] ?? '');

  test('the section exists and is the last one', () => {
    expect(start).toBeGreaterThan(-1);
    expect(readme.slice(start + 1).match(/\n## /g)).toBeNull();
  });

  for (const ruleId of ruleIds) {
    test(ruleId, () => {
      expect(section).toContain(`### \`${ruleId}\``);
    });
  }
});
