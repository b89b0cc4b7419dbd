// The public surface of @fact-digest/bench: the corpus generator and the benchmark session.
export {
  contentHash,
  generateCorpus,
  writeCorpus,
  type Corpus,
  type CorpusFile,
  type CorpusStats,
  type Options as CorpusOptions,
} from './corpus/generate-corpus.ts';
export { mulberry32, createSeededRandom, type SeededRandom } from './corpus/seeded-random.ts';
export {
  quickOptions,
  runBenchmarks,
  scenarioNames,
  type BenchResults,
  type Options as BenchOptions,
  type ScenarioName,
} from './run-benchmarks.ts';
export { renderResultsMarkdown, updateBenchmarksDocument } from './report/benchmarks-markdown.ts';
export { checkTargets, type TargetCheck } from './targets.ts';
