import type { QrItem } from '../layout/pageTypes.js';
import type { PDFDoc } from './pdfkitModule.js';

/** QR modules as filled squares (runs of dark modules merged into one rectangle per row). */
export function drawQr(doc: PDFDoc, it: QrItem): void {
  const n = it.modules.length;
  const m = it.size / n;
  doc.save();
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!it.modules[r][c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && it.modules[r][c]) c++;
      doc.rect(it.x + start * m, it.y + r * m, (c - start) * m, m);
    }
  }
  doc.fill(it.color);
  doc.restore();
}
