import { defineConfig } from 'vitest/config';

// Property runs, 10 MB inputs and real builds do real work: on two shared cores the 5 s default
// would act as a timing assertion. These limits only catch hangs.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
