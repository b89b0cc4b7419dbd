// The public surface of @fact-digest/parser. Anything not exported here is free to change.
export * from './format/schema.ts';
export * from './format/verdicts.ts';
export type * from './model.ts';

export { loadContent, processContent, type Options as LoadOptions } from './load-content.ts';
export { readContentFiles } from './read-content-files.ts';
export {
  archivedSourceText,
  parseContentFile,
  type ContentFile,
  type ContentFileBytes,
  type ParsedContentFile,
  type ParseOptions,
} from './pipeline/parse-content-file.ts';
export { createEntityRegistry, type EntityRegistry } from './pipeline/entity-registry.ts';
export { linkContent, type ContentSet, type LinkOptions } from './pipeline/link-content.ts';
export {
  buildContentGraph,
  entitiesOfDigest,
  type GraphDigest,
  type GraphLink,
  type GraphOptions,
} from './graph/build-content-graph.ts';
export { contentHash } from './plugins/remark-digest-frontmatter.ts';
export { hasErrors, type Diagnostic } from './diagnostics/diagnostic.ts';
export {
  formatDiagnostic,
  formatDiagnostics,
  type DiagnosticFormat,
} from './diagnostics/format-diagnostic.ts';
export { rules, type Rule, type RuleId, type Severity } from './diagnostics/rules.ts';
