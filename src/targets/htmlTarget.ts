// The HTML edition: one self-contained, accessible web page per document, from the same
// resolved document as the PDF (src/html/). Nothing depends on pages, so there is nothing to
// lay out: arranging writes the page's markup, encoding gives its bytes.
import { join } from 'node:path';
import { htmlDocument } from '../html/htmlDocument.js';
import type { Target } from './target.js';

export const htmlTarget: Target<string> = {
  name: 'html',
  outputFile: (outDir, document) => join(outDir, 'html', `${document}.html`),
  arrange: (doc) => ({ arranged: htmlDocument(doc), warnings: [] }),
  encode: (html) => Promise.resolve(Buffer.from(html, 'utf8')),
};
