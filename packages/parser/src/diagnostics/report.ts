import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Position } from '../model.ts';
import { createDiagnostic, type Diagnostic } from './diagnostic.ts';
import { rules, type RuleId } from './rules.ts';

/** Source name on every VFile message the parser's plugins emit. */
const messageSource = 'fact-digest';

/**
 * Records a problem on the file as a VFile message, the unified way, so other unified tools
 * (reporters, language servers) see it too. `collectDiagnostics` turns them into `Diagnostic`s.
 */
export function report(file: VFile, ruleId: RuleId, place: Position, message: string): void {
  const vfileMessage = file.message(message, { place, ruleId, source: messageSource });
  vfileMessage.fatal = rules[ruleId].severity === 'error';
}

export function collectDiagnostics(file: VFile, displayPath: string): Diagnostic[] {
  return file.messages
    .filter((message) => message.source === messageSource && message.ruleId !== undefined)
    .map((message) =>
      createDiagnostic(
        message.ruleId as RuleId,
        displayPath,
        { line: message.line ?? 1, column: message.column ?? 1 },
        message.reason,
      ),
    );
}

/** Start of a node in the file; the file start when the node is generated. */
export function startOf(node: Node | undefined): Position {
  const start = node?.position?.start;
  return start ? { line: start.line, column: start.column } : { line: 1, column: 1 };
}
