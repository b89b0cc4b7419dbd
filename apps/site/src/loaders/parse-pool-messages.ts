/** What the parse pool (parse-pool.ts) and its worker threads (parse-worker.ts) send each other. */
import type { ContentFileBytes, Entity, ParsedContentFile } from '@fact-digest/parser';

/** What an entity registry is built from: the same for every thread that parses. */
export type RegistryEntity = Pick<Entity, 'id' | 'name' | 'aliases'>;

export interface WorkerData {
  /** Two int32s the worker updates: the batch and the position in it of the file it is parsing. */
  progress: SharedArrayBuffer;
  /** The site's absolute URL, which digests' feed HTML is made against (`ParseOptions.siteUrl`). */
  siteUrl?: string;
}

export type PoolRequest =
  | { type: 'entities'; entities: RegistryEntity[] }
  | { type: 'parse'; batch: number; files: ContentFileBytes[] };

export type PoolResponse =
  | { type: 'parsed'; batch: number; results: ParsedContentFile[] }
  | { type: 'failed'; batch: number; position: number; error: unknown };
