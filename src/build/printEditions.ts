// `report build --print`: the print edition of every document built, from the pages the screen
// edition was laid out into. Every document's problems are gathered before any is reported,
// so one build shows them all; nothing is written unless all editions were made.
import { join } from 'node:path';
import { InputErrors, type InputError } from '../errors.js';
import type { LaidOutDocument } from '../layout/pageTypes.js';
import { printTarget } from '../targets/printTarget.js';
import type { TargetDocument } from '../targets/target.js';

export interface PrintBuildOptions {
  /** Also write an imposed file for the press: booklet (saddle stitch) or 2up (two per sheet). */
  impose?: 'booklet' | '2up';
  /** Booklet creep: how far the innermost sheet's pages move toward the spine, in mm. */
  creepMm?: number;
}

export interface PrintEdition {
  file: string;
  pdf: Buffer;
  pages: number;
  /** The output condition of a PDF/X-4 file, or null. */
  pdfx: string | null;
  /** Every file of the edition (the print PDF, and the imposed one when asked for). */
  files: { path: string; data: Buffer; pages: number }[];
}

export async function printEditions(
  docs: readonly { doc: TargetDocument; laid: LaidOutDocument }[],
  root: string,
  outDir: string,
  opts: PrintBuildOptions,
): Promise<{ editions: PrintEdition[]; warnings: string[] }> {
  const warnings: string[] = [];
  const errors: InputError[] = [];
  const arranged = docs.map(({ doc, laid }) => {
    const a = printTarget.arrange(laid, doc, root);
    warnings.push(...a.warnings);
    errors.push(...a.errors);
    return a.arranged;
  });
  if (errors.length === 1) throw errors[0];
  if (errors.length) throw new InputErrors(errors);
  const editions: PrintEdition[] = [];
  for (const [i, { doc }] of docs.entries()) {
    const pdf = await printTarget.encode(arranged[i], doc);
    const file = printTarget.outputFile(outDir, doc.resolved.name);
    const pages = arranged[i].laid.pages.length;
    const files = [{ path: file, data: pdf, pages }];
    if (opts.impose) {
      // pdf-lib is loaded only when a build imposes.
      const { impose } = await import('../print/impose.js');
      const imposed = await impose(pdf, opts.impose, arranged[i].laid.info.title, opts.creepMm);
      files.push({ path: join(outDir, 'print', `${doc.resolved.name}-${opts.impose}.pdf`), data: imposed.pdf, pages: imposed.sides.length });
    }
    editions.push({ file, pdf, pages, pdfx: arranged[i].pdfx, files });
  }
  return { editions, warnings };
}
