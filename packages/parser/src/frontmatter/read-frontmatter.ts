/**
 * Reads a YAML frontmatter block and validates it against a zod schema, reporting every problem
 * at the line and column of the YAML node it concerns (the value for a wrong value, the key for an
 * unknown key, the enclosing mapping for a missing field).
 */
import {
  isMap,
  isNode,
  isPair,
  isScalar,
  CST,
  Lexer,
  LineCounter,
  parseDocument,
  visit,
  type Document,
} from 'yaml';
import type { z } from 'zod';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { suggestionText } from '../diagnostics/suggest-name.ts';
import type { Position } from '../model.ts';

export interface FrontmatterBlock {
  /** The YAML between the `---` fences. */
  yaml: string;
  /** Position in the file of the opening `---`. */
  start: Position;
}

export interface FrontmatterReading<T> {
  /** The validated frontmatter, or undefined when it has errors. */
  value: T | undefined;
  diagnostics: Diagnostic[];
  /** File position of the node at a YAML path (`['sources', 0, 'id']`), for later checks. */
  locate: (path: readonly PropertyKey[]) => Position;
}

type YamlPath = readonly PropertyKey[];

export function readFrontmatter<Schema extends z.ZodType>(
  block: FrontmatterBlock,
  schema: Schema,
  file: string,
): FrontmatterReading<z.output<Schema>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(block.yaml, { lineCounter, prettyErrors: false });
  // The YAML text starts on the line after the opening fence.
  const toFilePosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: block.start.line + line, column: col };
  };
  const locate = (path: YamlPath): Position => locateNode(document, path, toFilePosition, block);

  if (document.errors.some((error) => /call stack/i.test(error.message))) {
    // yaml composes nested collections recursively and turns a stack overflow into errors whose
    // number and place depend on the stack size: report one, where the nesting gets too deep.
    const offset = tooDeepFlowOffset(block.yaml) ?? document.errors[0]?.pos[0] ?? 0;
    const diagnostic = createDiagnostic(
      'yaml-syntax',
      file,
      toFilePosition(offset),
      `The frontmatter YAML is nested more than ${maxFlowDepth} levels deep here, too deep to read: flatten the lists and mappings.`,
    );
    return { value: undefined, diagnostics: [diagnostic], locate };
  }
  if (document.errors.length > 0) {
    const diagnostics = document.errors.map((error) =>
      createDiagnostic(
        'yaml-syntax',
        file,
        toFilePosition(error.pos[0]),
        `Invalid YAML in the frontmatter: ${firstLine(error.message)}; fix the syntax here.`,
      ),
    );
    return { value: undefined, diagnostics, locate };
  }

  let input: unknown;
  try {
    input = document.toJS() ?? {};
  } catch {
    // yaml refuses to expand aliases (`*name`) into excessive data ("billion laughs").
    const diagnostic = createDiagnostic(
      'yaml-syntax',
      file,
      firstAliasPosition(document, toFilePosition) ?? block.start,
      'The frontmatter uses YAML aliases (`*name`) that expand to too much data: write the values out instead of aliasing them.',
    );
    return { value: undefined, diagnostics: [diagnostic], locate };
  }
  const result = schema.safeParse(input);
  if (result.success) return { value: result.data, diagnostics: [], locate };

  const diagnostics: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        diagnostics.push(
          createDiagnostic(
            'field-unknown',
            file,
            locateKey(document, [...path, key], toFilePosition, block),
            `Unknown field \`${formatPath([...path, key])}\`: ${suggestionText(key, known)}`,
          ),
        );
      }
      continue;
    }
    const field = formatPath(path);
    if (valueAt(input, path) === undefined) {
      diagnostics.push(
        createDiagnostic(
          'field-missing',
          file,
          locate(path.slice(0, -1)),
          `Missing required field \`${field}\`: add \`${String(path.at(-1))}:\` to ${
            path.length > 1 ? `\`${formatPath(path.slice(0, -1))}\`` : 'the frontmatter'
          }.`,
        ),
      );
      continue;
    }
    const written = JSON.stringify(valueAt(input, path));
    const isDate =
      (issue.code === 'invalid_format' && issue.format === 'date') ||
      (issue.code === 'invalid_union' && /date/.test(issue.message));
    diagnostics.push(
      createDiagnostic(
        isDate ? 'date-invalid' : 'field-type',
        file,
        locate(path),
        `\`${field}\` is ${written}, which is invalid: it ${describeIssue(issue)}.`,
      ),
    );
  }
  return { value: undefined, diagnostics: dedupe(diagnostics), locate };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((value) => `\`${String(value)}\``).join(', ')}`;
  }
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return `must list at least ${String(issue.minimum)} item(s)`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    array: 'a list',
    object: 'a mapping of fields',
    number: 'a number',
  };
  return names[expected] ?? expected;
}

function locateNode(
  document: Document,
  path: YamlPath,
  toFilePosition: (offset: number) => Position,
  block: FrontmatterBlock,
): Position {
  // Walk up until a node exists: a missing field is reported at its enclosing mapping.
  for (let length = path.length; length > 0; length--) {
    const node: unknown = document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return toFilePosition(node.range[0]);
  }
  return block.start;
}

function locateKey(
  document: Document,
  path: YamlPath,
  toFilePosition: (offset: number) => Position,
  block: FrontmatterBlock,
): Position {
  const parent: unknown =
    path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === path.at(-1) && pair.key.range) {
        return toFilePosition(pair.key.range[0]);
      }
    }
  }
  return locateNode(document, path, toFilePosition, block);
}

const maxFlowDepth = 100;
const controlTokens = new Set(['doc-mode', 'scalar', 'flow-error-end']);

/** Offset of the first `[` or `{` nested deeper than `maxFlowDepth`, from yaml's own lexer. */
function tooDeepFlowOffset(yaml: string): number | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(yaml)) {
    const type = CST.tokenType(token);
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      depth += 1;
      if (depth > maxFlowDepth) return offset;
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') {
      depth -= 1;
    }
    // The lexer's control tokens (document mode, scalar start, flow error end) are not text.
    if (!controlTokens.has(type ?? '')) offset += token.length;
  }
  return undefined;
}

function firstAliasPosition(
  document: Document,
  toFilePosition: (offset: number) => Position,
): Position | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, node) {
      offset = node.range?.[0];
      return offset === undefined ? undefined : visit.BREAK;
    },
  });
  return offset === undefined ? undefined : toFilePosition(offset);
}

function valueAt(input: unknown, path: YamlPath): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Keys a strict object schema accepts at a path, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: YamlPath): string[] {
  let current: unknown = schema;
  for (const key of path) {
    current = unwrap(current);
    if (typeof key === 'number') current = (current as { element?: unknown }).element;
    else current = (current as { shape?: Record<string, unknown> }).shape?.[String(key)];
  }
  const shape = (unwrap(current) as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown; def?: { innerType?: unknown } } | undefined;
  while (current?.def?.innerType !== undefined) {
    current = current.def.innerType as typeof current;
  }
  return current;
}

function formatPath(path: YamlPath): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.ruleId}:${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
