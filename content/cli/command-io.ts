import path from 'node:path';

/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface CommandIO {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Directory that relative paths on the command line are resolved against. */
  cwd: string;
}

export const processIO: CommandIO = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  // pnpm runs root scripts from the repository root; INIT_CWD is where the editor typed the command.
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
};

/** A path for messages: relative to where the editor is, so terminals and editors can open it. */
export function displayPath(io: CommandIO, absolutePath: string): string {
  const relative = path.relative(io.cwd, absolutePath);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
