// What a check reads and what it gives back. A check is a function over the whole checked
// project (every stage's output that could be made) returning diagnostics; adding one is one
// line in checks.ts. Stages that already find problems (load, parse, resolve, layout) report
// them themselves, as errors or warnings, through the same Diagnostic type.
import type { LaidOutDocument } from '../layout/pageTypes.js';
import type { DocumentName, MarkdownSource, Source } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import type { DocumentTree } from '../parse/documentTypes.js';
import type { ResolvedDocument } from '../resolve/resolvedTypes.js';
import type { Diagnostic } from './diagnostic.js';

/** One document as far as it got: every stage after the first that failed is absent. */
export interface CheckedDocument {
  name: DocumentName;
  markdown: MarkdownSource;
  template?: Template;
  /** The column width its figures are compiled for and set in, in points. */
  frameWidth?: number;
  tree?: DocumentTree;
  resolved?: ResolvedDocument;
  /** Present when the document was laid out (its inputs had no errors). */
  laid?: LaidOutDocument;
}

export interface CheckContext {
  /** Everything that loaded (data files and charts that failed are in `unavailable`). */
  source: Source;
  documents: CheckedDocument[];
  /**
   * Every document in config.yaml was checked and parsed: only then can a check say that
   * nothing uses a data file or figure.
   */
  allDocuments: boolean;
}

export interface Check {
  /** The rule its diagnostics carry, e.g. "typed-number". */
  readonly rule: string;
  run(ctx: CheckContext): Diagnostic[];
}
