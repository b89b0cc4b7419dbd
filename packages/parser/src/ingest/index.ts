// The public surface of @fact-digest/parser/ingest: from a feed or a plain-text article to an
// archived source and draft digests. Anything not exported here is free to change.
export { analyseArticle, contentHashOf, titleFromLede } from './analyse-article.ts';
export type { AnalyseOptions } from './analyse-article.ts';
export { readContentDirectory } from './content-directory.ts';
export type { ContentDirectoryState } from './content-directory.ts';
export { detectInputKind } from './detect-input.ts';
export type { InputKind } from './detect-input.ts';
export type { EntityRegistry, RegistryEntity } from './entity-registry.ts';
export { ingestFiles, readArticles } from './ingest-files.ts';
export type { IngestOptions, IngestReport } from './ingest-files.ts';
export { IngestError } from './ingest-error.ts';
export type * from './ingest-result.ts';
export { planIngest } from './plan-ingest.ts';
export type { ExistingContent, IngestPlan, PlannedFile, PlanOptions } from './plan-ingest.ts';
export { UnsafePathError, writePlannedFiles } from './write-files.ts';
