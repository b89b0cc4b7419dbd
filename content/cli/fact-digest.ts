#!/usr/bin/env node
/**
 * The editor's command line: `fact-digest <command> [flags]`, run from the repository root as
 * `pnpm check`, `pnpm new` and `pnpm ingest` so each command takes its own flags directly.
 */
import { runCheck } from './check-content.ts';
import { processIO, type CommandIO } from './command-io.ts';
import { runIngest } from './ingest.ts';
import { runNewDigest } from './new-digest.ts';

type Command = (argv: string[], io: CommandIO) => Promise<number>;

const commands: Record<string, Command> = {
  check: runCheck,
  new: runNewDigest,
  ingest: runIngest,
};

const [name = '', ...argv] = process.argv.slice(2);
const command = commands[name];
if (command === undefined) {
  processIO.stderr(`Usage: fact-digest <${Object.keys(commands).join('|')}> [flags]`);
  process.exitCode = 2;
} else {
  process.exitCode = await command(argv, processIO);
}
