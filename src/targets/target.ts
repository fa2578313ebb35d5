// What happens after resolve is a target: it arranges each resolved document (the PDF target
// lays it out into pages, through the document's kind) and encodes what it arranged into an
// output file. Only `pdf` exists today; an HTML edition or a print edition is another target
// over the same resolved documents.
import type { AnyDocumentKind } from '../documents/documentKind.js';
import type { Template } from '../load/templateTypes.js';
import type { ResolvedDocument } from '../resolve/resolvedTypes.js';
import type { StringTable } from '../strings/stringTable.js';

export interface TargetDocument {
  resolved: ResolvedDocument;
  template: Template;
  kind: AnyDocumentKind;
  paper: 'a4' | 'letter';
  /** The kind's fixed text in the document's language (src/strings/documentStrings.ts). */
  strings: StringTable;
}

export interface Target<Arranged> {
  readonly name: string;
  /** The output file of a document, in the output folder. */
  outputFile(outDir: string, document: string): string;
  /** Page-dependent work (layout). Synchronous: the session's memos track what it uses. */
  arrange(doc: TargetDocument): { arranged: Arranged; warnings: string[] };
  /** The output's bytes. */
  encode(arranged: Arranged, doc: TargetDocument): Promise<Buffer>;
}
