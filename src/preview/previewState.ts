// What the preview shows: the last good PDF of each document with its problems, and the
// errors of the last build if it failed (shown over those pages until a build succeeds).
import type { BuildResult } from '../build/buildProject.js';
import { InputError, InputErrors } from '../errors.js';
import { pageProblems, type PageProblem } from './pageProblems.js';

export interface PreviewDocument {
  name: string;
  /** Bumped on every rebuild of this document: the page asks for /doc/NAME.pdf?v=VERSION. */
  version: number;
  pages: number;
  pdf: Buffer;
  problems: PageProblem[];
}

export interface PreviewError {
  file?: string;
  line?: number;
  col?: number;
  message: string;
  fix?: string;
}

export interface PreviewSnapshot {
  /** Bumped on every build, good or bad. */
  build: number;
  documents: Omit<PreviewDocument, 'pdf'>[];
  errors: PreviewError[];
  warnings: string[];
}

export class PreviewState {
  private readonly docs = new Map<string, PreviewDocument>();
  private errors: PreviewError[] = [];
  private warnings: string[] = [];
  private build = 0;

  /** A build succeeded: its documents replace their last versions; errors are cleared. */
  built(result: BuildResult): void {
    this.build++;
    for (const d of result.documents) {
      const version = (this.docs.get(d.name)?.version ?? 0) + 1;
      this.docs.set(d.name, { name: d.name, version, pages: d.pages, pdf: d.pdf, problems: pageProblems(d.laid) });
    }
    this.errors = [];
    this.warnings = result.warnings;
  }

  /** A build failed: the last good pages stay, under its errors. */
  failed(error: unknown): void {
    this.build++;
    this.errors = describeErrors(error);
  }

  pdf(name: string): Buffer | undefined {
    return this.docs.get(name)?.pdf;
  }

  snapshot(): PreviewSnapshot {
    return {
      build: this.build,
      documents: [...this.docs.values()].map(({ pdf: _pdf, ...d }) => d),
      errors: this.errors,
      warnings: this.warnings,
    };
  }
}

export function describeErrors(e: unknown): PreviewError[] {
  const one = (x: InputError): PreviewError => ({ file: x.place.file, line: x.place.line, col: x.place.col, message: x.problem, fix: x.hint });
  if (e instanceof InputErrors) return e.errors.map(one);
  if (e instanceof InputError) return [one(e)];
  return [{ message: `the build failed: ${(e as Error)?.message ?? String(e)}` }];
}
