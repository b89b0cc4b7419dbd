/** An input the pipeline cannot read, with the position to fix it at (`file:line:col`). */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(file: string, message: string, position?: { line: number; column: number }) {
    const where = position ? `${file}:${position.line}:${position.column}` : file;
    super(`${where}: ${message}`);
    this.name = 'IngestError';
    this.file = file;
    this.line = position?.line;
    this.column = position?.column;
  }
}
