// The PDF target: the document's kind composes pages from the engine's flow (layout), and
// render writes them as a tagged PDF.
import { join } from 'node:path';
import { withinPageLimit } from '../layout/pageLimit.js';
import type { LaidOutDocument } from '../layout/pageTypes.js';
import { renderPdf } from '../render/renderPdf.js';
import { reproducibleDate } from './reproducibleDate.js';
import type { Target } from './target.js';

export interface PdfArranged {
  laid: LaidOutDocument;
  /** The type scale the kind used (1 unless copy-fitted). */
  scale: number;
}

export const pdfTarget: Target<PdfArranged> = {
  name: 'pdf',
  outputFile: (outDir, document) => join(outDir, `${document}.pdf`),
  // Every caller (build, merge, send) gets the page limit's located error, not TooManyPages.
  arrange: ({ resolved, template, kind, paper, strings }) =>
    withinPageLimit(resolved.file, () => {
      const c = kind.compose({ doc: resolved, template, options: template.options, paper, strings });
      return { arranged: { laid: c.laid, scale: c.scale }, warnings: c.warnings };
    }, (a) => a.arranged.laid.pages.length),
  encode: (a, { resolved }) => renderPdf(a.laid, { date: reproducibleDate(resolved.meta.date), producer: 'report-generator (pdfkit)' }),
};
