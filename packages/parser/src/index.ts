// The public surface of @fact-digest/parser. Anything not exported here is free to change.
export * from './format/schema.ts';
export * from './format/verdicts.ts';
export type * from './model.ts';
