import type { QrItem } from '../layout/pageTypes.js';
import { pdfkitColor, SCREEN_PAINT, type PaintPolicy } from './paint.js';
import type { PDFDoc } from './pdfkitModule.js';
import { overprintOperator } from './printRender.js';

/** QR modules as filled squares (runs of dark modules merged into one rectangle per row). */
export function drawQr(doc: PDFDoc, it: QrItem, paint: PaintPolicy = SCREEN_PAINT): void {
  const n = it.modules.length;
  const m = it.size / n;
  const p = paint.paint(it.color, { role: 'qr' });
  doc.save();
  if (p.overprint) doc.addContent(overprintOperator(doc, true));
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
  doc.fill(pdfkitColor(p.color));
  doc.restore();
}
