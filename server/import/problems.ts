/**
 * The problems found in one file, kept up to a cap: a file with one systematic mistake (decimal
 * separator, wrong sheet) would otherwise produce millions of identical entries.
 */
import type { ImportProblem } from './types.ts';

export class ProblemList {
  readonly kept: ImportProblem[] = [];
  total = 0;

  constructor(readonly max: number) {}

  add(problem: ImportProblem): void {
    this.total++;
    if (this.kept.length < this.max) this.kept.push(problem);
  }

  get omitted(): number {
    return this.total - this.kept.length;
  }

  /** Kept problems by line, keeping the order found within a line (the sort is stable). */
  sorted(): ImportProblem[] {
    return [...this.kept].sort((a, b) => a.line - b.line);
  }
}

/** One problem as a sentence: "baris 14, kolom kode: kode 32.01.99 bukan kecamatan ... (mungkin maksud Anda 32.01.09?)". */
export function formatProblem(problem: ImportProblem): string {
  const column = problem.column === '' ? '' : `, kolom ${problem.column}`;
  const suggestion = problem.suggestion ? ` (${problem.suggestion})` : '';
  return `baris ${problem.line}${column}: ${problem.reason}${suggestion}`;
}
